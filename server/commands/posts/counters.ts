import { type SQL, sql } from 'drizzle-orm';
import type { ReactionKind } from '../../../common/schemas/posts.ts';

/**
 * Counters on posts and comments move by a delta in the transaction that changes what they count, under the
 * item's row lock (see the migration 20261221-0019-posts): `x = x + delta` reads the row as it is when the
 * statement runs, so no concurrent change is lost, and the commands apply a delta only when a row really
 * changed, so a repeated request changes nothing.
 */

/** `reaction_counts` with `kind` moved by `delta` (never below 0). */
export function moveReaction(counts: SQL, kind: ReactionKind, delta: 1 | -1): SQL {
  return sql`jsonb_build_object(${kind}::text, GREATEST(0, COALESCE((${counts}->>${kind}::text)::int, 0) + ${delta}::int))`;
}
