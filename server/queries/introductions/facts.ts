/** Reads the introduction commands decide from (kept out of commands/, so reads stay in queries/). */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows, type Tx } from '../../db/connection.ts';
import type { IntroductionStatus, IntroductionStepStatus } from '../../db/schema.ts';
import { intArray } from '../../graph/sql.ts';

export interface IntroductionRow {
  id: number;
  requesterId: number;
  targetId: number;
  path: number[];
  blurb: string;
  status: IntroductionStatus;
  createdAt: Date;
  expiresAt: Date;
  conversationId: number | null;
}

export interface StepRow {
  position: number;
  memberId: number;
  role: 'introducer' | 'target';
  status: IntroductionStepStatus;
  note: string | null;
  reason: string | null;
  dontKnow: boolean;
  reachedAt: Date | null;
  actedAt: Date | null;
}

const num = (v: unknown) => Number(v);

/** One introduction locked for a step (FOR UPDATE), with its steps in order; null when there is none. */
export async function lockIntroduction(tx: Tx, id: number): Promise<{ intro: IntroductionRow; steps: StepRow[] } | null> {
  const [intro] = await rows<IntroductionRow>(
    tx,
    sql`SELECT id, requester_id AS "requesterId", target_id AS "targetId", path, blurb, status, created_at AS "createdAt",
               expires_at AS "expiresAt", conversation_id AS "conversationId"
          FROM introductions WHERE id = ${id} FOR UPDATE`,
  );
  if (!intro) return null;
  return { intro: normalise(intro), steps: await stepsOf(tx, id) };
}

export async function stepsOf(db: DbOrTx, id: number): Promise<StepRow[]> {
  const found = await rows<StepRow>(
    db,
    sql`SELECT position, member_id AS "memberId", role, status, note, reason, dont_know AS "dontKnow", reached_at AS "reachedAt", acted_at AS "actedAt"
          FROM introduction_steps WHERE introduction_id = ${id} ORDER BY position`,
  );
  return found.map((s) => ({ ...s, reachedAt: s.reachedAt && new Date(s.reachedAt), actedAt: s.actedAt && new Date(s.actedAt) }));
}

export function normalise(r: IntroductionRow): IntroductionRow {
  return {
    ...r,
    id: num(r.id),
    conversationId: r.conversationId === null ? null : num(r.conversationId),
    path: r.path.map(num),
    createdAt: new Date(r.createdAt),
    expiresAt: new Date(r.expiresAt),
  };
}

/**
 * Whether each consecutive pair of `chain` is connected now: the path a requester chose, as the tables
 * hold it (not the graph index), under the members' locks.
 */
export async function chainConnected(tx: Tx, chain: readonly number[]): Promise<boolean> {
  const pairs = chain.slice(1).map((b, i) => [chain[i]!, b] as const);
  const found = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM connections c
          JOIN unnest(${intArray(pairs.map((p) => p[0]))}::int[], ${intArray(pairs.map((p) => p[1]))}::int[]) AS w(a, b)
            ON c.member_id = w.a AND c.other_id = w.b`,
  );
  return (found[0]?.n ?? 0) === pairs.length;
}

/** Whether any block stands between two of `people` (either way). */
export async function anyBlockAmong(tx: Tx, people: readonly number[]): Promise<boolean> {
  const found = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM blocks WHERE blocker_id = ANY(${intArray(people)}::int[]) AND blocked_id = ANY(${intArray(people)}::int[])`,
  );
  return (found[0]?.n ?? 0) > 0;
}

/** The requester's open request to this target, if any. */
export async function openRequestTo(tx: Tx, requesterId: number, targetId: number): Promise<boolean> {
  const found = await rows<{ id: number }>(
    tx,
    sql`SELECT id FROM introductions WHERE requester_id = ${requesterId} AND target_id = ${targetId} AND status = 'open' AND expires_at > now() LIMIT 1`,
  );
  return found.length > 0;
}

/** Requests the member started in the last 7 days, and the oldest of them (the quota's window). */
export async function requestsThisWeek(tx: Tx, requesterId: number): Promise<{ count: number; oldest: Date | null }> {
  const [r] = await rows<{ count: number; oldest: Date | string | null }>(
    tx,
    sql`SELECT count(*)::int AS count, min(created_at) AS oldest FROM introductions WHERE requester_id = ${requesterId} AND created_at > now() - interval '7 days'`,
  );
  return { count: r?.count ?? 0, oldest: r?.oldest ? new Date(r.oldest) : null };
}

/**
 * The newest accepted introduction between two members, either way round: an invitation between them then
 * carries it, so their connection's origin is "introduced by" its path.
 */
export async function acceptedIntroductionBetween(tx: Tx, a: number, b: number): Promise<number | null> {
  const [found] = await rows<{ id: string | number }>(
    tx,
    sql`SELECT id FROM introductions
         WHERE status = 'accepted' AND ((requester_id = ${a} AND target_id = ${b}) OR (requester_id = ${b} AND target_id = ${a}))
         ORDER BY closed_at DESC LIMIT 1`,
  );
  return found ? Number(found.id) : null;
}
