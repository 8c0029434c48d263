import { Group, SegmentedControl, Stack, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type FeedOrder, postsApi } from '../../api/posts.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PostComposer } from '../../components/posts/PostComposer.tsx';
import { PostList } from '../../components/posts/PostList.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';

/**
 * The home feed: write a post, then read what the people the member follows and is connected with wrote,
 * newest first or Top (recent and engaged with by their own network). A new post appears at the top of
 * Recent with focus on it.
 */
export function HomeFeed() {
  const { t } = useTranslation('feed');
  const headingId = useId();
  const orderLabelId = useId();
  const [order, setOrder] = useState<FeedOrder>('recent');
  const [justPosted, setJustPosted] = useState<number | null>(null);
  const query = usePagedQuery(keys.feed(order), (cursor) => postsApi.feed(order, cursor));
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
          <Title order={2} fz="h4" id={headingId}>
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
              }}
              data={[
                { value: 'recent', label: t('home.recent') },
                { value: 'top', label: t('home.top') },
              ]}
            />
          </Group>
        </Group>
        <PostList
          query={query}
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
