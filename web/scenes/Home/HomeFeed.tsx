import { Group, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type FeedOrder, postsApi } from '../../api/posts.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PostComposer } from '../../components/posts/PostComposer.tsx';
import { PostList } from '../../components/posts/PostList.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { clearNewPosts, useNewPosts } from '../../hooks/newPosts.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { holdNewPosts, newestOf } from './heldPosts.ts';
import { NewPostsButton } from './NewPostsButton.tsx';

/**
 * The home feed: write a post, then read what the people the member follows and is connected with wrote,
 * newest first or Top (recent and engaged with by their own network). A new post appears at the top of
 * Recent with focus on it. Posts others write meanwhile wait behind "Show N new posts" (announced live, or
 * brought by a reload), so the list being read never moves until the member asks.
 */
export function HomeFeed() {
  const { t } = useTranslation('feed');
  const headingId = useId();
  const orderLabelId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [order, setOrder] = useState<FeedOrder>('recent');
  const [justPosted, setJustPosted] = useState<number | null>(null);
  // The newest post shown when the list was loaded: later ones are held. undefined: to be set from the next data.
  const [anchor, setAnchor] = useState<string | null | undefined>(undefined);
  const query = usePagedQuery(keys.feed(order), (cursor) => postsApi.feed(order, cursor));
  const announced = useNewPosts();

  // Set once the data is there (during render, React's pattern for state derived from what came before).
  if (anchor === undefined && query.data) setAnchor(newestOf(query.data));

  const held = holdNewPosts(query.data, anchor ?? null, me?.handle, announced);
  const showNew = async () => {
    // Nothing held while the first page loads again; then the newest shown is the new anchor.
    setAnchor(null);
    clearNewPosts();
    window.scrollTo({ top: 0 });
    await queryClient.resetQueries({ queryKey: keys.feed(order), exact: true });
    setAnchor(undefined);
    headingRef.current?.focus({ preventScroll: true });
  };

  return (
    <Stack gap="md">
      <PostComposer
        onPosted={(id) => {
          setJustPosted(id);
          setOrder('recent');
        }}
      />
      <Stack component="section" aria-labelledby={headingId} gap="sm">
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <Title order={2} fz="h4" id={headingId} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('home.title')}
          </Title>
          <Group gap="xs" wrap="nowrap">
            <VisuallyHidden id={orderLabelId}>{t('home.order')}</VisuallyHidden>
            <SegmentedControl
              aria-labelledby={orderLabelId}
              size="xs"
              value={order}
              onChange={(v) => {
                setOrder(v as FeedOrder);
                setJustPosted(null);
                setAnchor(undefined);
              }}
              data={[
                { value: 'recent', label: t('home.recent') },
                { value: 'top', label: t('home.top') },
              ]}
            />
          </Group>
        </Group>
        {order === 'top' && (
          <Text size="xs" c="dimmed">
            {t('home.topHint')}
          </Text>
        )}
        <NewPostsButton count={held.waiting} onShow={() => void showNew()} />
        <PostList
          query={{ ...query, data: held.data }}
          label={t('home.list')}
          loadingLabel={t('home.loading')}
          focusId={justPosted}
          empty={
            <EmptyState
              title={t('home.emptyTitle')}
              action={
                <NextSteps
                  steps={[
                    { to: '/network?tab=suggestions', label: t('home.suggestions') },
                    { to: '/members', label: t('home.directory') },
                  ]}
                />
              }
            >
              {t('home.emptyBody')}
            </EmptyState>
          }
        />
      </Stack>
    </Stack>
  );
}
