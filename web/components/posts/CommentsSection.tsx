import { Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type CommentThread, type PostView, postsApi } from '../../api/posts.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { LoadMore } from '../LoadMore.tsx';
import { ErrorState, PageLoader } from '../PageState.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentItem } from './CommentItem.tsx';

const LIST_STYLE = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** A post's comments, oldest first, each with its replies (one level), and the box to add one. */
export function CommentsSection({ post }: { post: PostView }) {
  const { t } = useTranslation('feed');
  const query = usePagedQuery(keys.comments(post.id), (cursor) => postsApi.comments(post.id, cursor));
  const listRef = useRef<HTMLUListElement>(null);
  const threads = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack role="group" aria-label={t('comments.section', { name: post.author.name })} gap="sm" pt="xs">
      {post.abilities.canComment && <CommentComposer postId={post.id} label={t('comments.add')} submitLabel={t('comments.submit')} autoFocus />}
      {query.isPending ? (
        <PageLoader label={t('comments.loading')} />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : threads.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('comments.none')}
        </Text>
      ) : (
        <>
          <ul ref={listRef} tabIndex={-1} aria-label={t('comments.list')} style={LIST_STYLE}>
            {threads.map((thread) => (
              <Thread key={thread.id} thread={thread} post={post} onRemoved={() => listRef.current?.focus()} />
            ))}
          </ul>
          <LoadMore query={query} />
        </>
      )}
    </Stack>
  );
}

/** A top-level comment, its replies, and the reply box when open. */
function Thread({ thread, post, onRemoved }: { thread: CommentThread; post: PostView; onRemoved: () => void }) {
  const { t } = useTranslation('feed');
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const { replies, ...comment } = thread;
  const closeReply = () => {
    setReplying(false);
    replyButton.current?.focus();
  };
  return (
    <li style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
      <CommentItem comment={comment} onReply={() => setReplying(true)} replyButtonRef={replyButton} onRemoved={onRemoved} />
      {(replies.length > 0 || replying) && (
        <Stack gap="xs" pl={{ base: 'md', sm: 46 }} mt="xs">
          {replies.length > 0 && (
            <ul aria-label={t('comments.replies', { name: (comment.author?.name ?? t('comments.tombstone.author')) })} style={LIST_STYLE}>
              {replies.map((reply) => (
                <li key={reply.id} style={{ marginBottom: 'var(--mantine-spacing-xs)' }}>
                  <CommentItem comment={reply} onReply={() => setReplying(true)} onRemoved={() => replyButton.current?.focus()} />
                </li>
              ))}
            </ul>
          )}
          {replying && (
            <CommentComposer
              postId={post.id}
              parentId={comment.id}
              label={t('comments.replyField', { name: (comment.author?.name ?? t('comments.tombstone.author')) })}
              submitLabel={t('comments.replySubmit')}
              autoFocus
              onSent={closeReply}
            />
          )}
        </Stack>
      )}
    </li>
  );
}
