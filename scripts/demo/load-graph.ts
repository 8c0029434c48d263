import { toStored } from '../../common/reasons.ts';
import { eq, inArray, sql } from 'drizzle-orm';
import { arrayLiteral as list, bulkConnect } from '../../server/commands/network/bulk-connect.ts';
import { type Database, rows, type Tx } from '../../server/db/connection.ts';
import { interactions, invitations, members, profiles } from '../../server/db/schema.ts';
import { inTransaction } from '../../server/db/transaction.ts';
import { recordEvent } from '../../server/events/record.ts';
import { GraphService } from '../../server/graph/service.ts';
import { type ArrivingRecipient, judgeArrival } from '../../server/queries/screening/arrival.ts';
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

/** Is the pair connected, blocked either way, or waiting on an open invitation either way? Then nothing is added. */
async function pairTaken(tx: Tx, a: number, b: number): Promise<boolean> {
  const [found] = await rows<{ taken: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM connections WHERE member_id = ${a} AND other_id = ${b})
            OR EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = ${a} AND blocked_id = ${b}) OR (blocker_id = ${b} AND blocked_id = ${a}))
            OR EXISTS (SELECT 1 FROM invitations WHERE status IN ('pending', 'ignored')
                          AND ((sender_id = ${a} AND recipient_id = ${b}) OR (sender_id = ${b} AND recipient_id = ${a}))) AS taken`,
  );
  return found?.taken ?? true;
}

/**
 * Pending invitations, as sendInvitation leaves them: each is screened on arrival like any other (the
 * recipient's policy, the evidence, the risk), so the folder and the "Placed here by" line are the ones
 * screening gives, with the two interaction rows. A pair that is connected, blocked or already has an
 * open invitation is skipped, so loading again adds nothing; so is one the recipient's open policy would
 * accept at once (the demo does not invent that connection).
 */
async function insertInvitations(tx: Tx, ids: number[], pending: DemoInvitation[], options: DemoGraphOptions): Promise<number> {
  if (pending.length === 0) return 0;
  const graph = await GraphService.load(tx);
  const recipientIds = [...new Set(pending.map((v) => ids[v.to]!))];
  const recipients = new Map<number, ArrivingRecipient>();
  for (let i = 0; i < recipientIds.length; i += 1000) {
    const found = await tx
      .select({ id: members.id, handle: members.handle, role: members.role, name: profiles.name })
      .from(members)
      .innerJoin(profiles, eq(profiles.memberId, members.id))
      .where(inArray(members.id, recipientIds.slice(i, i + 1000)));
    for (const r of found) recipients.set(r.id, r);
  }
  let added = 0;
  for (const v of pending) {
    const senderId = ids[v.from]!;
    const recipient = recipients.get(ids[v.to]!);
    if (!recipient || senderId === recipient.id || (await pairTaken(tx, senderId, recipient.id))) continue;
    const arrival = await judgeArrival(tx, graph.index, senderId, recipient, v.note);
    if (arrival.folder === 'auto') continue;
    const ms = options.nowMs - v.daysAgo * 86_400_000;
    const [created] = await tx
      .insert(invitations)
      .values({
        senderId,
        recipientId: recipient.id,
        note: v.note,
        context: v.context,
        createdAt: new Date(ms),
        expiresAt: new Date(ms + options.invitationExpiryMs),
        folder: arrival.folder,
        placement: toStored(arrival.placement),
        riskScore: arrival.judgement.risk.score,
        riskReasons: arrival.judgement.risk.reasons.map((r) => r.text),
        template: arrival.judgement.evidence.note.kind === 'template',
        noteMinhash: arrival.signature,
      })
      .onConflictDoNothing()
      .returning({ id: invitations.id, at: invitations.createdAt });
    if (!created) continue;
    await tx.insert(interactions).values([
      { memberId: senderId, otherId: recipient.id, kind: 'invitation_sent', refId: created.id, at: created.at },
      { memberId: recipient.id, otherId: senderId, kind: 'invitation_received', refId: created.id, at: created.at },
    ]);
    const sent = { invitationId: created.id, context: v.context, folder: arrival.folder, delivered: true };
    await recordEvent(tx, { kind: 'invitation.sent', actorId: senderId, subjectId: recipient.id, data: sent });
    added++;
  }
  return added;
}

/** Follows without a connection, recorded as events for the graph index like followMember does. */
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
        ), recorded AS (
          INSERT INTO events (kind, actor_id, subject_id, data)
          SELECT 'follow.added', follower_id, followee_id, '{"cause":"follow"}'::jsonb FROM added
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
