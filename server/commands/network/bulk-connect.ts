import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../db/connection.ts';
import type { InvitationContext } from '../../db/schema.ts';

/** One connection to make: the two members, when it was made, and how they met. */
export interface BulkEdge {
  a: number;
  b: number;
  atMs: number;
  context: InvitationContext;
  /** "How we met" in their words: kept on an accepted invitation linked from the connection. */
  note?: string;
}

export interface BulkConnectResult {
  /** Distinct pairs offered, after dropping self-loops and repeats. */
  pairs: number;
  /** Pairs newly connected. */
  connected: number;
  /** New follow rows (a connection makes both members follow each other, unless they already did). */
  follows: number;
}

export interface BulkConnectOptions {
  /** Edges per statement. Each edge writes ~9 rows, so 2,000 keeps a statement well under a second. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * A Postgres array literal for one text parameter (`{1,2,"a \"b\""}`), cast in SQL. One parameter per
 * column keeps a 2,000-edge batch at five parameters, and text → array casts behave the same on PGlite
 * and on node-postgres (native array parameters do not).
 */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const items = values.map((v) => {
    if (v === null) return 'NULL';
    if (typeof v === 'number') return String(v);
    return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}

/** Drops self-loops and repeated pairs (either direction); the first occurrence of a pair wins. */
export function distinctEdges(edges: readonly BulkEdge[]): BulkEdge[] {
  const seen = new Set<number>();
  const out: BulkEdge[] = [];
  for (const e of edges) {
    if (e.a === e.b) continue;
    const lo = Math.min(e.a, e.b);
    const hi = Math.max(e.a, e.b);
    // Member ids are 32-bit, so lo * 2^32 + hi is an exact, unique double.
    const key = lo * 4294967296 + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/**
 * Connects many pairs at once inside the caller's transaction, as connectMembers would one by one: both
 * connection rows with their date and origin, a follow each way, the "connected" interaction for each
 * member, and the graph change log rows. Self-loops, repeats, pairs already connected and pairs with a
 * block either way are skipped, so running it again adds nothing. An open invitation between a pair
 * becomes accepted and is linked as the connection's origin.
 *
 * It takes no per-member locks (a bulk load would need thousands): conflicts with concurrent commands
 * resolve through ON CONFLICT, which is enough for imports and demo data.
 *
 * It cannot reach a running server's in-memory index (imports run in another process), so a server sees
 * the new edges when it next starts. It still records every change in the events outbox, in the same
 * statement, as the commands would (connection.made, follow.added, and invitation.answered for an
 * invitation it accepts): a server that starts from a snapshot only replays the outbox after it, so an
 * unrecorded bulk load would stay invisible until a full rebuild. (The old change log's rows cost about a
 * third of the statement's time; events, with their JSON data, somewhat more.)
 */
export async function bulkConnect(tx: Tx, edges: readonly BulkEdge[], options: BulkConnectOptions = {}): Promise<BulkConnectResult> {
  const unique = distinctEdges(edges);
  const size = options.batchSize ?? 2000;
  let connected = 0;
  let follows = 0;
  for (let i = 0; i < unique.length; i += size) {
    const batch = unique.slice(i, i + size);
    const [counts] = await rows<{ connected: number; follows: number }>(tx, batchStatement(batch));
    connected += Number(counts?.connected ?? 0);
    follows += Number(counts?.follows ?? 0);
    options.onProgress?.(Math.min(i + size, unique.length), unique.length);
  }
  return { pairs: unique.length, connected, follows };
}

/**
 * One statement per batch: data-modifying CTEs run once each and see the same snapshot, so the
 * connection rows that were really inserted (RETURNING) drive the follows, interactions and events.
 */
function batchStatement(batch: BulkEdge[]) {
  const a = arrayLiteral(batch.map((e) => e.a));
  const b = arrayLiteral(batch.map((e) => e.b));
  const ms = arrayLiteral(batch.map((e) => Math.round(e.atMs)));
  const ctx = arrayLiteral(batch.map((e) => e.context));
  const note = arrayLiteral(batch.map((e) => e.note ?? null));
  return sql`
    WITH input AS (
      SELECT i.a, i.b, to_timestamp(i.ms / 1000.0) AS at, i.ctx, i.note
        FROM unnest(${a}::text::int[], ${b}::text::int[], ${ms}::text::float8[], ${ctx}::text::text[], ${note}::text::text[])
          AS i(a, b, ms, ctx, note)
    ), fresh AS (
      SELECT input.* FROM input
       WHERE NOT EXISTS (SELECT 1 FROM connections c WHERE c.member_id = input.a AND c.other_id = input.b)
         AND NOT EXISTS (SELECT 1 FROM blocks k WHERE (k.blocker_id = input.a AND k.blocked_id = input.b)
                                                   OR (k.blocker_id = input.b AND k.blocked_id = input.a))
    ), opened AS (
      -- An invitation still waiting between the pair is answered by the connection.
      UPDATE invitations v SET status = 'accepted', responded_at = f.at
        FROM fresh f
       WHERE v.status IN ('pending', 'ignored')
         AND least(v.sender_id, v.recipient_id) = least(f.a, f.b) AND greatest(v.sender_id, v.recipient_id) = greatest(f.a, f.b)
      RETURNING v.id, v.sender_id, v.recipient_id, least(v.sender_id, v.recipient_id) AS lo, greatest(v.sender_id, v.recipient_id) AS hi
    ), noted AS (
      INSERT INTO invitations (sender_id, recipient_id, note, context, status, created_at, expires_at, responded_at)
      SELECT f.a, f.b, f.note, f.ctx, 'accepted', f.at, f.at + interval '182 days', f.at
        FROM fresh f
       WHERE f.note IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM invitations v WHERE v.status IN ('pending', 'ignored')
                           AND least(v.sender_id, v.recipient_id) = least(f.a, f.b) AND greatest(v.sender_id, v.recipient_id) = greatest(f.a, f.b))
      RETURNING id, least(sender_id, recipient_id) AS lo, greatest(sender_id, recipient_id) AS hi
    ), origin AS (
      SELECT f.*, coalesce(o.id, n.id) AS invitation_id
        FROM fresh f
        LEFT JOIN opened o ON o.lo = least(f.a, f.b) AND o.hi = greatest(f.a, f.b)
        LEFT JOIN noted n ON n.lo = least(f.a, f.b) AND n.hi = greatest(f.a, f.b)
    ), conn AS (
      INSERT INTO connections (member_id, other_id, created_at, origin_context, invitation_id)
      SELECT a, b, at, ctx, invitation_id FROM origin
      UNION ALL
      SELECT b, a, at, ctx, invitation_id FROM origin
      ON CONFLICT DO NOTHING
      RETURNING member_id, other_id, created_at, invitation_id
    ), fol AS (
      INSERT INTO follows (follower_id, followee_id, created_at)
      SELECT member_id, other_id, created_at FROM conn
      ON CONFLICT DO NOTHING
      RETURNING follower_id, followee_id, created_at
    ), met AS (
      INSERT INTO interactions (member_id, other_id, kind, ref_id, at)
      SELECT member_id, other_id, 'connected', invitation_id, created_at FROM conn
    ), recorded AS (
      -- The events the commands would record (events/types.ts), in the same order: answer, connection, follows.
      INSERT INTO events (kind, actor_id, subject_id, data)
      SELECT kind, actor_id, subject_id, data FROM (
        SELECT 1 AS step, id AS ref, 'invitation.answered' AS kind, recipient_id AS actor_id, sender_id AS subject_id,
               jsonb_build_object('invitationId', id, 'answer', 'accepted') AS data
          FROM opened
        UNION ALL
        SELECT 2, conn.invitation_id, 'connection.made', conn.member_id, conn.other_id,
               jsonb_build_object('at', conn.created_at, 'context', origin.ctx, 'invitationId', conn.invitation_id)
          FROM conn JOIN origin ON origin.a = conn.member_id AND origin.b = conn.other_id
        UNION ALL
        SELECT 3, NULL, 'follow.added', follower_id, followee_id, jsonb_build_object('cause', 'connection') FROM fol
      ) e ORDER BY step, ref, actor_id, subject_id
    )
    SELECT (SELECT count(*) FROM conn WHERE member_id < other_id)::int AS connected, (SELECT count(*) FROM fol)::int AS follows`;
}
