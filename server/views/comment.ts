import type { CommentView } from '../../common/schemas/posts.ts';
import type { Actor } from '../auth/actor.ts';
import type { HydratedComment } from '../hydration/comments.ts';
import { commentAbilities } from '../policies/posts.ts';
import { presentPersonCard } from './person-card.ts';
import { presentMentions, presentReactions } from './post.ts';

/** A comment as the viewer sees it, with what they may do: react, reply, and Connect or Follow its author. */
export function presentComment(actor: Actor, c: HydratedComment): CommentView {
  const r = c.record;
  return {
    id: r.id,
    postId: r.postId,
    parentId: r.parentId,
    text: c.author ? r.text : '',
    author: c.author && presentPersonCard(actor, c.author),
    deleted: c.author === null,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    mentions: c.author ? presentMentions(c.mentions) : [],
    reactions: presentReactions(r.reactionCounts, r.mine),
    abilities: commentAbilities(actor, c.facts, c.author?.facts ?? null),
  };
}

/** Threads in the skeleton's order: each top-level comment the viewer sees, with the replies they see. */
export function presentThreads(actor: Actor, threads: readonly { id: number; replies: number[] }[], comments: ReadonlyMap<number, HydratedComment>) {
  return threads.flatMap((t) => {
    const top = comments.get(t.id);
    if (!top) return [];
    return [{ ...presentComment(actor, top), replies: t.replies.flatMap((id) => (comments.has(id) ? [presentComment(actor, comments.get(id)!)] : [])) }];
  });
}
