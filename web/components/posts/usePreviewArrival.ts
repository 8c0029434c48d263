import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { firstLinkOf } from '../../../common/post-text.ts';
import { type PostView, postsApi } from '../../api/posts.ts';
import { patchPost } from './postCache.ts';

/** How long after writing a post its author's page keeps asking for the preview. */
const WAIT_MS = 45_000;
const EVERY_MS = 2_000;

/**
 * A link's preview is fetched by the server after the post is saved, so the author's own new post shows
 * without it at first. While it is young and has a link but no preview, this asks for the post every two
 * seconds and puts the preview in place when it arrives; everyone else gets it with the next page they load.
 */
export function usePreviewArrival(post: PostView): void {
  const queryClient = useQueryClient();
  // When the card first showed: a post older than WAIT_MS then is not waited for.
  const [shownAt] = useState(Date.now);
  const writtenAt = Date.parse(post.editedAt ?? post.createdAt);
  const waiting = post.abilities.canEdit && !post.linkPreview && firstLinkOf(post.text) !== null && shownAt - writtenAt < WAIT_MS;
  const { data } = useQuery({
    queryKey: ['posts', 'preview-arrival', post.id],
    queryFn: () => postsApi.get(post.id),
    enabled: waiting,
    refetchInterval: (query) => (query.state.data?.linkPreview || Date.now() - writtenAt > WAIT_MS ? false : EVERY_MS),
    gcTime: 0,
  });
  const arrived = waiting ? data?.linkPreview : undefined;
  useEffect(() => {
    if (!arrived) return;
    queryClient.setQueriesData({ queryKey: ['posts'] }, (cached: unknown) => patchPost(cached, post.id, (p) => ({ ...p, linkPreview: arrived })));
  }, [arrived, post.id, queryClient]);
}
