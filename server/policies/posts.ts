import { POST_VISIBILITIES, type CommentAbilities, type ItemAbilities, type PostVisibility } from '../../common/schemas/posts.ts';
import type { Actor } from '../auth/actor.ts';
import { type AppError, badRequest, forbidden, notFound } from '../errors.ts';
import { type PersonFacts, personAbilities } from './people.ts';

/**
 * Who may see and do what with posts, comments and reactions (docs/feed.md), as pure functions of loaded
 * facts. Reads build the facts from hydration (hydration/posts.ts), commands load them under the item's
 * lock (queries/posts/facts.ts) and throw the refusal of the same function, so the abilities a page shows
 * are exactly what the API accepts.
 */

/** A block between the viewer and someone, seen from the viewer. */
export type Block = 'i_blocked' | 'they_blocked' | null;

/** The author of a post or comment as the rules need them, seen from the viewer. */
export interface AuthorFacts {
  id: number;
  status: 'active' | 'suspended' | 'deleted';
  block: Block;
  /** The viewer and the author are connected. */
  connected: boolean;
  /** The viewer follows the author. */
  following: boolean;
}

export interface PostFacts {
  id: number;
  visibility: PostVisibility;
  author: AuthorFacts;
  /** The original a repost shares; null for an original post. */
  repostOf: number | null;
}

export interface CommentFacts {
  id: number;
  postId: number;
  /** The top-level comment a reply answers; null for a top-level comment. */
  parentId: number | null;
  author: AuthorFacts;
  post: PostFacts;
}

/**
 * Whether the viewer may see a post. Its author always; nobody else when the author is suspended or a block
 * stands between them (either way). Then by its visibility: `members`, every signed-in active member;
 * `connections`, the author's connections; `followers`, their followers and connections.
 */
export function canSeePost(actor: Actor, f: PostFacts): boolean {
  if (actor.status !== 'active') return false;
  const author = f.author;
  if (author.id === actor.id) return true;
  if (author.status !== 'active' || author.block !== null) return false;
  switch (f.visibility) {
    case 'members':
      return true;
    case 'connections':
      return author.connected;
    case 'followers':
      return author.connected || author.following;
  }
}

/** Which of one author's posts the viewer may see, by visibility (a member's activity tab asks for these). */
export function visibleVisibilities(actor: Actor, author: AuthorFacts): PostVisibility[] {
  return POST_VISIBILITIES.filter((visibility) => canSeePost(actor, { id: 0, visibility, author, repostOf: null }));
}

/** A post the viewer may not see does not exist for them: the same 404 as a missing one. */
export function postRefusal(actor: Actor, f: PostFacts | null | undefined): AppError | null {
  return f && canSeePost(actor, f) ? null : notFound('post');
}

/** Why the viewer may not edit or delete the post; null when they may (its author). */
export function postAuthorRefusal(actor: Actor, f: PostFacts | null | undefined): AppError | null {
  const unseen = postRefusal(actor, f);
  if (unseen) return unseen;
  return f!.author.id === actor.id ? null : forbidden('not_author', { key: 'post' });
}

/**
 * Why the viewer may not repost `f`; null when they may. A repost of a repost shares the original, so the
 * original is what must be visible, and a post shared with connections only is its author's alone to repost.
 */
export function repostRefusal(actor: Actor, f: PostFacts | null | undefined, original: PostFacts | null | undefined): AppError | null {
  const unseen = postRefusal(actor, f);
  if (unseen) return unseen;
  const root = f!.repostOf === null ? f! : original;
  if (!root || !canSeePost(actor, root)) return notFound('post');
  if (root.visibility === 'connections' && root.author.id !== actor.id) return forbidden('repost_not_allowed');
  return null;
}

/** What the viewer may do with a post they see; `original` is a repost's original (null when gone or hidden). */
export function postAbilities(actor: Actor, f: PostFacts, original: PostFacts | null | undefined): ItemAbilities {
  const seen = canSeePost(actor, f);
  const own = f.author.id === actor.id;
  return {
    canEdit: seen && own,
    canDelete: seen && own,
    canReact: seen,
    canComment: seen,
    canRepost: repostRefusal(actor, f, original) === null,
    canReport: seen && !own,
  };
}

/**
 * A comment whose author's account was deleted (and purged): the row stays with its text wiped, so the thread
 * and the replies others wrote under it hold (docs/account-deletion.md). Unlike a suspended member's comment
 * (hidden, since the member may come back) it is shown, as a tombstone naming nobody, and nothing more can be
 * done with it than its post's author removing it.
 */
export function isTombstone(c: CommentFacts): boolean {
  return c.author.status === 'deleted';
}

/**
 * Whether the viewer may see a comment: its post, and its author unless suspended or across a block. A
 * deleted author's comment is seen as a tombstone (a purge leaves no block behind).
 */
export function canSeeComment(actor: Actor, c: CommentFacts): boolean {
  if (!canSeePost(actor, c.post)) return false;
  const author = c.author;
  if (author.id === actor.id || isTombstone(c)) return true;
  return author.status === 'active' && author.block === null;
}

export function commentRefusal(actor: Actor, c: CommentFacts | null | undefined): AppError | null {
  return c && canSeeComment(actor, c) ? null : notFound('comment');
}

/** Reacting: to a comment the viewer sees, except a tombstone (there is nothing left to react to). */
export function commentReactRefusal(actor: Actor, c: CommentFacts | null | undefined): AppError | null {
  return commentRefusal(actor, c) ?? (isTombstone(c!) ? notFound('comment') : null);
}

/** Editing is the comment's author's alone. */
export function commentEditRefusal(actor: Actor, c: CommentFacts | null | undefined): AppError | null {
  const unseen = commentRefusal(actor, c);
  if (unseen) return unseen;
  return c!.author.id === actor.id ? null : forbidden('not_author', { key: 'comment' });
}

/** Deleting: the comment's author, or the author of the post it is on. */
export function commentDeleteRefusal(actor: Actor, c: CommentFacts | null | undefined): AppError | null {
  const unseen = commentRefusal(actor, c);
  if (unseen) return unseen;
  return c!.author.id === actor.id || c!.post.author.id === actor.id ? null : forbidden('not_author', { key: 'comment' });
}

/**
 * Why a reply cannot answer `parent` on post `postId`: replies go one level deep, under a top-level comment
 * of the same post that the viewer sees. A hidden parent is refused like a missing one.
 */
export function parentRefusal(actor: Actor, postId: number, parent: CommentFacts | null | undefined): AppError | null {
  if (!parent || parent.postId !== postId || parent.parentId !== null || !canSeeComment(actor, parent) || isTombstone(parent)) {
    return badRequest('comment_parent_invalid');
  }
  return null;
}

/**
 * What the viewer may do with a comment they see. Connect and Follow come from the one rule for people
 * (`personAbilities`), given the author's facts as hydrated; none on the viewer's own comments. A tombstone
 * may only be removed, by the post's author.
 */
export function commentAbilities(actor: Actor, c: CommentFacts, author: PersonFacts | null): CommentAbilities {
  const seen = canSeeComment(actor, c);
  const own = c.author.id === actor.id;
  const live = seen && !isTombstone(c);
  const person = live && !own && author ? personAbilities(actor, author) : null;
  return {
    canEdit: live && own,
    canDelete: seen && (own || c.post.author.id === actor.id),
    canReact: live,
    canComment: live,
    canRepost: false,
    canReport: live && !own,
    canConnect: person?.canConnect ?? false,
    canFollow: person?.canFollow ?? false,
  };
}

/** One @mention of a text, as the members table and the blocks answer it (null id: no such member). */
export interface MentionFacts {
  handle: string;
  id: number | null;
  status: 'active' | 'suspended' | 'deleted' | null;
  block: Block;
}

/**
 * Why a text may not mention these members: an unknown handle, a suspended member, or one on either side of
 * a block with the writer are all the same 400, so the answer tells nothing of a block or a suspension.
 */
export function mentionRefusal(actor: Actor, mentions: readonly MentionFacts[]): AppError | null {
  for (const m of mentions) {
    if (m.id === actor.id) continue;
    if (m.id === null || m.status !== 'active' || m.block !== null) return badRequest('mention_unknown', { params: { handle: m.handle } });
  }
  return null;
}

/**
 * An invitation sent from a comment: the sender must see the comment, and may invite its author or the
 * author of its post, nobody else.
 */
export function commentInvitationRefusal(actor: Actor, c: CommentFacts | null | undefined, recipientId: number): AppError | null {
  const unseen = commentRefusal(actor, c);
  if (unseen) return unseen;
  return recipientId === c!.author.id || recipientId === c!.post.author.id ? null : badRequest('invitation_comment_mismatch');
}
