import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { keys } from '../../api/keys.ts';
import { postsApi } from '../../api/posts.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PostComposer } from '../../components/posts/PostComposer.tsx';
import { PostList } from '../../components/posts/PostList.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';

/**
 * A topic's page (/topics/:topic): every post naming #topic that the viewer may see, newest first, and a
 * composer that starts with the topic. Topics are lower-case (common/post-text.ts), so /topics/AI shows #ai.
 */
export function TopicPage() {
  const { topic: raw = '' } = useParams();
  const topic = raw.toLowerCase();
  // The person cards' words load with the page's, not after them (one wait, not two).
  const { t } = useTranslation(['feed', 'people']);
  const [justPosted, setJustPosted] = useState<number | null>(null);
  const query = usePagedQuery(keys.topicPosts(topic), (cursor) => postsApi.topicPosts(topic, cursor));
  return (
    <Stack gap="md" maw={760} mx="auto">
      <PageHeader title={t('topic.title', { topic })} description={t('topic.description', { topic })} />
      <PostComposer key={topic} initialText={`#${topic} `} onPosted={setJustPosted} />
      <PostList
        query={query}
        label={t('topic.list', { topic })}
        loadingLabel={t('topic.loading')}
        focusId={justPosted}
        empty={
          <EmptyState title={t('topic.emptyTitle', { topic })} action={<NextSteps steps={[{ to: '/', label: t('topic.feed') }]} />}>
            {t('topic.emptyBody', { topic })}
          </EmptyState>
        }
      />
    </Stack>
  );
}
