import { Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { postsApi } from '../../api/posts.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PostList } from '../../components/posts/PostList.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';

/** A member's activity on their profile: the posts (and reposts) of theirs the viewer may see, newest first. */
export function ActivitySection({ handle, name, isSelf }: { handle: string; name: string; isSelf: boolean }) {
  const { t } = useTranslation('feed');
  const headingId = useId();
  const query = usePagedQuery(keys.memberPosts(handle), (cursor) => postsApi.memberPosts(handle, cursor));
  return (
    <Paper component="section" aria-labelledby={headingId} p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} fz="h4" id={headingId} mb="sm">
        {t('activity.title')}
      </Title>
      <PostList
        query={query}
        label={t('activity.list', { name })}
        loadingLabel={t('activity.loading')}
        empty={
          isSelf ? (
            <EmptyState title={t('activity.ownEmpty')} action={<NextSteps steps={[{ to: '/', label: t('activity.write') }]} />} />
          ) : (
            <Text size="sm" c="dimmed">
              <Trans t={t} i18nKey="activity.empty" values={{ name }} components={{ bdi: <bdi /> }} />
            </Text>
          )
        }
      />
    </Paper>
  );
}
