import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type ReactionKind, type ReactionSummary, type ReactionTarget, postsApi } from '../../api/posts.ts';
import { patchComment, patchPost } from './postCache.ts';
import { applyReaction } from './reactions.ts';

/**
 * Reacting to a post or comment, optimistically: the counts and the pressed kind change at once in every
 * cached list that holds the item. The server's answer reconciles: it sends the item's reactions as they
 * are now (others' included), which replace ours; a failure refetches what the server has, and says so.
 */
export function useReaction(target: ReactionTarget) {
  const queryClient = useQueryClient();
  const { t } = useTranslation('feed');
  const patch = (fn: (summary: ReactionSummary) => ReactionSummary) =>
    queryClient.setQueriesData({ queryKey: keys.posts }, (data: unknown) =>
      target.type === 'post'
        ? patchPost(data, target.id, (post) => ({ ...post, reactions: fn(post.reactions) }))
        : patchComment(data, target.id, (comment) => ({ ...comment, reactions: fn(comment.reactions) })),
    );
  return useMutation({
    mutationFn: (next: ReactionKind | null) => (next ? postsApi.react(target, next) : postsApi.unreact(target)),
    onMutate: (next) => patch((summary) => applyReaction(summary, next)),
    onSuccess: (confirmed) => {
      patch(() => confirmed);
      void queryClient.invalidateQueries({ queryKey: ['posts', 'reactors', target.type, target.id] });
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: t('reactions.failed'), message: errorMessage(error) });
      void queryClient.invalidateQueries({ queryKey: keys.posts });
    },
  });
}

/** After a write to posts or comments that changes lists (a new post, an edit, a deletion): every list refetches. */
export function useRefreshPosts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.posts });
}
