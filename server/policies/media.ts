/**
 * Who may see an image (docs/feed.md, "Images"): it follows what it is attached to. An image on a post is
 * seen by whoever may see the post (visibility, blocks, suspensions: canSeePost); one on a message by the
 * members of the conversation who may see that message; an upload not yet attached, by its owner alone
 * until it expires. Anyone else is told it does not exist.
 */
import type { Actor } from '../auth/actor.ts';
import { canSeePost, type PostFacts } from './posts.ts';
import { conversationVisible, type MembershipFacts } from './messages.ts';

export interface MessageImageFacts {
  messageId: number;
  senderId: number;
  senderActive: boolean;
  /** The viewer's place in the conversation; null when they are not in it. */
  membership: (MembershipFacts & { clearedBeforeMessageId: number }) | null;
}

export interface MediaFacts {
  ownerId: number;
  /** An upload attached to nothing whose time ran out. */
  expired: boolean;
  post: PostFacts | null;
  message: MessageImageFacts | null;
}

/** `avoid`: the members on either side of a block with the viewer. */
export function canSeeMedia(actor: Actor, avoid: ReadonlySet<number>, f: MediaFacts): boolean {
  if (actor.status !== 'active') return false;
  if (f.post) return canSeePost(actor, f.post);
  if (f.message) {
    const { membership, messageId, senderId, senderActive } = f.message;
    if (!membership || !conversationVisible(membership) || messageId <= membership.clearedBeforeMessageId) return false;
    return senderId === actor.id || (senderActive && !avoid.has(senderId));
  }
  return f.ownerId === actor.id && !f.expired;
}
