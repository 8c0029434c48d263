import type { InfiniteData } from '@tanstack/react-query';
import type { CommentThread, CommentView, PostView } from '../../api/posts.ts';
import type { Page } from '../../api/types.ts';

/**
 * Changes to one post or comment wherever it sits in the query cache under 'posts' (the feed in either
 * order, a topic, a member's activity, a thread of comments), without refetching pages. Pure: each takes a
 * cached value and gives back a new one, or the same one when the item is not in it.
 */

type PostFields = Omit<PostView, 'repostOf' | 'socialProof'>;

const isPaged = (data: unknown): data is InfiniteData<Page<unknown>> =>
  typeof data === 'object' && data !== null && Array.isArray((data as { pages?: unknown }).pages);

const mapPages = <T>(data: InfiniteData<Page<T>>, fn: (item: T) => T): InfiniteData<Page<T>> => {
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = page.items.map((item) => {
      const next = fn(item);
      if (next !== item) changed = true;
      return next;
    });
    return items.some((item, i) => item !== page.items[i]) ? { ...page, items } : page;
  });
  return changed ? { ...data, pages } : data;
};

const isPost = (item: unknown): item is PostView =>
  typeof item === 'object' && item !== null && 'visibility' in item && 'commentCount' in item;

/** A post in a page of posts, including the original inside a repost. */
export function patchPost(data: unknown, id: number, fn: <P extends PostFields>(post: P) => P): unknown {
  if (!isPaged(data)) return data;
  return mapPages(data as InfiniteData<Page<unknown>>, (item) => {
    if (!isPost(item)) return item;
    let post = item;
    if (post.id === id) post = fn(post);
    if (post.repostOf && post.repostOf.id === id) post = { ...post, repostOf: fn(post.repostOf) };
    return post;
  });
}

const isThread = (item: unknown): item is CommentThread =>
  typeof item === 'object' && item !== null && 'replies' in item && 'postId' in item;

/** A comment or a reply in a page of comment threads. */
export function patchComment(data: unknown, id: number, fn: (comment: CommentView) => CommentView): unknown {
  if (!isPaged(data)) return data;
  return mapPages(data as InfiniteData<Page<unknown>>, (item) => {
    if (!isThread(item)) return item;
    const { replies, ...own } = item;
    const self = item.id === id ? fn(own) : null;
    const patched = replies.map((r) => (r.id === id ? fn(r) : r));
    const repliesChanged = patched.some((r, i) => r !== replies[i]);
    if (!self && !repliesChanged) return item;
    return { ...(self ?? own), replies: repliesChanged ? patched : replies };
  });
}
