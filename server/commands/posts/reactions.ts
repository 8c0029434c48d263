import { sql } from 'drizzle-orm';
import type { ReactionKind } from '../../../common/schemas/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import { type Db, rows, type Tx } from '../../db/connection.ts';
import type { ReactionCounts } from '../../db/tables/posts.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { commentReactRefusal, postRefusal } from '../../policies/posts.ts';
import { commentFacts, postFacts } from '../../queries/posts/facts.ts';
import { moveReaction } from './counters.ts';

/** A post or a comment, as a reaction names it. */
export interface ReactionTarget {
  item: 'post' | 'comment';
  id: number;
}

/** The item's counts and the viewer's own reaction, once the change is made (what the route answers). */
export interface ReactionState {
  counts: ReactionCounts;
  mine: ReactionKind | null;
}

const TABLES = {
  post: { reactions: sql`post_reactions`, items: sql`posts`, key: sql`post_id` },
  comment: { reactions: sql`comment_reactions`, items: sql`comments`, key: sql`comment_id` },
} as const;

/**
 * The item, held for the transaction (its counts move), and who wrote it, once the rules let the viewer react
 * to it: whoever sees a post may react to it, and to the comments on it they see. Anything else is the 404 of
 * an item that does not exist.
 */
async function lockTarget(tx: Tx, actor: Actor, target: ReactionTarget): Promise<{ authorId: number; postId: number }> {
  if (target.item === 'post') {
    const post = await postFacts(tx, actor.id, target.id, 'write');
    const refusal = postRefusal(actor, post);
    if (refusal) throw refusal;
    return { authorId: post!.author.id, postId: post!.id };
  }
  const comment = await commentFacts(tx, actor.id, target.id, 'write');
  const refusal = commentReactRefusal(actor, comment);
  if (refusal) throw refusal;
  return { authorId: comment!.author.id, postId: comment!.postId };
}

/**
 * Sets the viewer's reaction to a post or comment, or changes its kind: one per member per item. Setting
 * the kind already set changes nothing and records nothing.
 */
export async function setReaction(db: Db, actor: Actor, target: ReactionTarget, kind: ReactionKind): Promise<ReactionState> {
  return inTransaction(db, async (tx) => {
    const { authorId, postId } = await lockTarget(tx, actor, target);
    const t = TABLES[target.item];
    const [existing] = await rows<{ kind: ReactionKind }>(tx, sql`SELECT kind FROM ${t.reactions} WHERE ${t.key} = ${target.id} AND member_id = ${actor.id}`);
    const previous = existing?.kind ?? null;
    if (previous === kind) return { counts: await currentCounts(tx, target), mine: kind };
    await tx.execute(
      previous
        ? sql`UPDATE ${t.reactions} SET kind = ${kind} WHERE ${t.key} = ${target.id} AND member_id = ${actor.id}`
        : sql`INSERT INTO ${t.reactions} (${t.key}, member_id, kind) VALUES (${target.id}, ${actor.id}, ${kind})`,
    );
    const counts = sql`reaction_counts`;
    const moved = previous ? sql`${counts} || ${moveReaction(counts, kind, 1)} || ${moveReaction(counts, previous, -1)}` : sql`${counts} || ${moveReaction(counts, kind, 1)}`;
    const after = await updateCounts(tx, target, moved);
    await recordEvent(tx, { kind: 'reaction.set', actorId: actor.id, subjectId: authorId, data: { item: target.item, itemId: target.id, postId, kind, previous } });
    return { counts: after, mine: kind };
  });
}

/** Takes the viewer's reaction back; taking back none is not an error (and records nothing). */
export async function removeReaction(db: Db, actor: Actor, target: ReactionTarget): Promise<ReactionState> {
  return inTransaction(db, async (tx) => {
    const { authorId, postId } = await lockTarget(tx, actor, target);
    const t = TABLES[target.item];
    const [gone] = await rows<{ kind: ReactionKind }>(tx, sql`DELETE FROM ${t.reactions} WHERE ${t.key} = ${target.id} AND member_id = ${actor.id} RETURNING kind`);
    if (!gone) return { counts: await currentCounts(tx, target), mine: null };
    const counts = sql`reaction_counts`;
    const after = await updateCounts(tx, target, sql`${counts} || ${moveReaction(counts, gone.kind, -1)}`);
    await recordEvent(tx, { kind: 'reaction.removed', actorId: actor.id, subjectId: authorId, data: { item: target.item, itemId: target.id, postId, kind: gone.kind } });
    return { counts: after, mine: null };
  });
}

async function updateCounts(tx: Tx, target: ReactionTarget, value: ReturnType<typeof sql>): Promise<ReactionCounts> {
  const t = TABLES[target.item];
  const [row] = await rows<{ counts: ReactionCounts | string }>(tx, sql`UPDATE ${t.items} SET reaction_counts = ${value} WHERE id = ${target.id} RETURNING reaction_counts AS counts`);
  return parseCounts(row?.counts);
}

async function currentCounts(tx: Tx, target: ReactionTarget): Promise<ReactionCounts> {
  const t = TABLES[target.item];
  const [row] = await rows<{ counts: ReactionCounts | string }>(tx, sql`SELECT reaction_counts AS counts FROM ${t.items} WHERE id = ${target.id}`);
  return parseCounts(row?.counts);
}

const parseCounts = (counts: ReactionCounts | string | undefined): ReactionCounts =>
  counts === undefined ? {} : typeof counts === 'string' ? (JSON.parse(counts) as ReactionCounts) : counts;
