import { inArray, sql } from 'drizzle-orm';
import { arrayLiteral as list, bulkConnect } from '../../server/commands/network/bulk-connect.ts';
import { type Database, rows, type Tx } from '../../server/db/connection.ts';
import { members } from '../../server/db/schema.ts';
import { inTransaction } from '../../server/db/transaction.ts';
import type { DemoCommunity } from './generate.ts';
import type { DemoFollow, DemoGraph, DemoInvitation } from './graph.ts';

export interface DemoGraphResult {
  connections: number;
  invitations: number;
  follows: number;
}

export interface DemoGraphOptions {
  /** How long an invitation stays open (config.network.invitationExpiryMs). */
  invitationExpiryMs: number;
  /** The load time: pending invitations are dated back from it, so they are open whenever the demo runs. */
  nowMs: number;
  onProgress?: (done: number, total: number) => void;
}

/** Member ids of the community's people, by index (they were written by loadDemo, matched by email). */
async function memberIds(database: Database, community: DemoCommunity): Promise<number[]> {
  const byEmail = new Map<string, number>();
  const emails = community.people.map((p) => p.email);
  for (let i = 0; i < emails.length; i += 1000) {
    const found = await database.db.select({ id: members.id, email: members.email }).from(members).where(inArray(members.email, emails.slice(i, i + 1000)));
    for (const f of found) byEmail.set(f.email, f.id);
  }
  return emails.map((e) => {
    const id = byEmail.get(e);
    if (id === undefined) throw new Error(`demo member ${e} is missing: load the community before its graph`);
    return id;
  });
}

/**
 * Pending invitations, as sendInvitation leaves them (with the two interaction rows). A pair that is
 * connected, blocked or already has an open invitation is skipped, so loading again adds nothing.
 */
async function insertInvitations(tx: Tx, ids: number[], invitations: DemoInvitation[], options: DemoGraphOptions): Promise<number> {
  if (invitations.length === 0) return 0;
  const [result] = await rows<{ n: number }>(
    tx,
    sql`WITH input AS (
          SELECT i.* FROM unnest(${list(invitations.map((v) => ids[v.from]!))}::text::int[], ${list(invitations.map((v) => ids[v.to]!))}::text::int[],
                                 ${list(invitations.map((v) => v.note))}::text::text[], ${list(invitations.map((v) => v.context))}::text::text[],
                                 ${list(invitations.map((v) => options.nowMs - v.daysAgo * 86_400_000))}::text::float8[]) AS i(a, b, note, ctx, ms)
           WHERE NOT EXISTS (SELECT 1 FROM connections c WHERE c.member_id = i.a AND c.other_id = i.b)
             AND NOT EXISTS (SELECT 1 FROM blocks k WHERE (k.blocker_id = i.a AND k.blocked_id = i.b) OR (k.blocker_id = i.b AND k.blocked_id = i.a))
        ), sent AS (
          INSERT INTO invitations (sender_id, recipient_id, note, context, created_at, expires_at)
          SELECT a, b, note, ctx, to_timestamp(ms / 1000.0), to_timestamp((ms + ${options.invitationExpiryMs}) / 1000.0) FROM input
          ON CONFLICT DO NOTHING
          RETURNING id, sender_id, recipient_id, created_at
        ), ledger AS (
          INSERT INTO interactions (member_id, other_id, kind, ref_id, at)
          SELECT sender_id, recipient_id, 'invitation_sent', id, created_at FROM sent
          UNION ALL SELECT recipient_id, sender_id, 'invitation_received', id, created_at FROM sent
        )
        SELECT count(*)::int AS n FROM sent`,
  );
  return result?.n ?? 0;
}

/** Follows without a connection, logged for the graph index like followMember does. */
async function insertFollows(tx: Tx, ids: number[], follows: DemoFollow[]): Promise<number> {
  if (follows.length === 0) return 0;
  const [result] = await rows<{ n: number }>(
    tx,
    sql`WITH input AS (
          SELECT i.* FROM unnest(${list(follows.map((f) => ids[f.from]!))}::text::int[], ${list(follows.map((f) => ids[f.to]!))}::text::int[],
                                 ${list(follows.map((f) => f.atMs))}::text::float8[]) AS i(a, b, ms)
           WHERE NOT EXISTS (SELECT 1 FROM blocks k WHERE (k.blocker_id = i.a AND k.blocked_id = i.b) OR (k.blocker_id = i.b AND k.blocked_id = i.a))
        ), added AS (
          INSERT INTO follows (follower_id, followee_id, created_at) SELECT a, b, to_timestamp(ms / 1000.0) FROM input
          ON CONFLICT DO NOTHING
          RETURNING follower_id, followee_id, created_at
        ), logged AS (
          INSERT INTO graph_changes (kind, a, b, at) SELECT 'follow', follower_id, followee_id, created_at FROM added
        )
        SELECT count(*)::int AS n FROM added`,
  );
  return result?.n ?? 0;
}

/**
 * Writes a generated graph over an already loaded community in one transaction: connections through
 * bulkConnect, then pending invitations and follows. Each step skips what is already there.
 */
export async function loadDemoGraph(database: Database, community: DemoCommunity, graph: DemoGraph, options: DemoGraphOptions): Promise<DemoGraphResult> {
  const ids = await memberIds(database, community);
  const result = await inTransaction(database.db, async (tx) => {
    const edges = graph.connections.map((c) => ({ ...c, a: ids[c.a]!, b: ids[c.b]! }));
    const connected = await bulkConnect(tx, edges, { onProgress: options.onProgress });
    const invitations = await insertInvitations(tx, ids, graph.invitations, options);
    const follows = await insertFollows(tx, ids, graph.follows);
    return { connections: connected.connected, invitations, follows };
  });
  if (result.connections + result.invitations + result.follows > 0) await database.vacuumAnalyze();
  return result;
}
