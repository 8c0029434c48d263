import type { z } from 'zod';
import type {
  CommentView,
  FeedOrder,
  PostView,
  PostVisibility,
  ReactionKind,
  ReactionSummary,
  commentThread,
  reactorPage,
} from '../../common/schemas/posts.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { CommentView, FeedOrder, PostView, PostVisibility, ReactionKind, ReactionSummary };
export type CommentThread = z.infer<typeof commentThread>;
export type Reactor = z.infer<typeof reactorPage>['items'][number];

/** What a reaction can be on: a post or a comment, each with its own route. */
export type ReactionTarget = { type: 'post' | 'comment'; id: number };

const post = (id: number) => `/posts/${id}`;
const comment = (id: number) => `/comments/${id}`;
const reactionPath = (target: ReactionTarget) => `${target.type === 'post' ? post(target.id) : comment(target.id)}/reaction`;

/** Posts, the feed, comments and reactions (common/schemas/posts.ts). */
export const postsApi = {
  create: (body: { text: string; visibility: PostVisibility; repostOf?: number; images?: { id: number; alt: string }[] }) =>
    api<{ id: number }>('POST', '/posts', { body }),
  get: (id: number) => api<PostView>('GET', post(id)),
  /** Answers the post as it is now (its mentions and topics read again, marked edited). */
  edit: (id: number, text: string) => api<PostView>('PATCH', post(id), { body: { text } }),
  remove: (id: number) => api<void>('DELETE', post(id)),

  feed: (order: FeedOrder, cursor?: string) => api<Page<PostView>>('GET', '/feed', { query: { order, cursor } }),
  memberPosts: (handle: string, cursor?: string) => api<Page<PostView>>('GET', `/members/${encodeURIComponent(handle)}/posts`, { query: { cursor } }),
  topicPosts: (topic: string, cursor?: string) => api<Page<PostView>>('GET', `/topics/${encodeURIComponent(topic)}/posts`, { query: { cursor } }),

  comments: (postId: number, cursor?: string) => api<Page<CommentThread>>('GET', `${post(postId)}/comments`, { query: { cursor } }),
  addComment: (postId: number, text: string, parentId?: number) =>
    api<{ id: number }>('POST', `${post(postId)}/comments`, { body: parentId === undefined ? { text } : { text, parentId } }),
  editComment: (id: number, text: string) => api<CommentView>('PATCH', comment(id), { body: { text } }),
  removeComment: (id: number) => api<void>('DELETE', comment(id)),

  /** React or change one's reaction; answers the item's reactions as they are now. */
  react: (target: ReactionTarget, kind: ReactionKind) => api<ReactionSummary>('PUT', reactionPath(target), { body: { kind } }),
  unreact: (target: ReactionTarget) => api<ReactionSummary>('DELETE', reactionPath(target)),
  /** Who reacted to a post or comment, newest first: all kinds or one. */
  reactors: (target: ReactionTarget, kind: ReactionKind | null, cursor?: string) =>
    api<Page<Reactor>>('GET', `${target.type === 'post' ? post(target.id) : comment(target.id)}/reactions`, { query: { kind, cursor } }),
};
