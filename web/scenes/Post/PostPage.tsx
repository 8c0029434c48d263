import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { postsApi } from '../../api/posts.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { PostCard } from '../../components/posts/PostCard.tsx';

/**
 * One post with its comments open (/posts/:id): where a notification or an email about it leads. A post
 * that is gone or not shared with the viewer reads the same, as the API answers both with 404.
 */
export function PostPage() {
  const { id: raw = '' } = useParams();
  const id = /^[0-9]{1,15}$/.test(raw) ? Number(raw) : null;
  const { t } = useTranslation(['feed', 'people']);
  const query = useQuery({ queryKey: keys.post(id ?? 0), queryFn: () => postsApi.get(id ?? 0), enabled: id !== null, retry: false });
  const gone = id === null || (query.error instanceof ApiError && query.error.status === 404);
  return (
    <Stack gap="md" maw={760} mx="auto">
      <PageHeader title={t('single.title')} />
      {gone ? (
        <EmptyState title={t('single.goneTitle')} action={<NextSteps steps={[{ to: '/', label: t('single.feed') }]} />}>
          {t('single.goneBody')}
        </EmptyState>
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data ? (
        <PostCard post={query.data} commentsOpen />
      ) : (
        <PageLoader label={t('single.loading')} />
      )}
    </Stack>
  );
}
