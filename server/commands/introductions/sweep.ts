/**
 * The hourly introductions sweep (jobs/maintenance.ts, 'introductions.sweep'): open introductions past their
 * date expire (the requester is told), and the member whose turn it has been for a week is reminded once.
 * Each introduction is settled in its own short transaction on its row lock, so a step racing the sweep
 * either happens first (and the sweep skips it) or finds it expired.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { NetworkLimits } from '../../config.ts';
import { type Db, rows } from '../../db/connection.ts';
import { introductions, introductionSteps } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { lockIntroduction } from '../../queries/introductions/facts.ts';

const BATCH = 500;

export async function sweepIntroductions(db: Db, limits: Pick<NetworkLimits, 'introductionReminderMs'>, now = new Date()): Promise<{ expired: number; reminded: number }> {
  let expired = 0;
  for (;;) {
    const due = await rows<{ id: string | number }>(db, sql`SELECT id FROM introductions WHERE status = 'open' AND expires_at <= ${now.toISOString()}::timestamptz ORDER BY expires_at LIMIT ${BATCH}`);
    for (const { id } of due) if (await expireOne(db, Number(id), now)) expired++;
    if (due.length < BATCH) break;
  }
  const remindBefore = new Date(now.getTime() - limits.introductionReminderMs).toISOString();
  const waiting = await rows<{ id: string | number }>(
    db,
    sql`SELECT i.id FROM introductions i JOIN introduction_steps s ON s.introduction_id = i.id AND s.status = 'waiting'
         WHERE i.status = 'open' AND i.expires_at > ${now.toISOString()}::timestamptz AND i.reminded_at IS NULL AND s.reached_at <= ${remindBefore}::timestamptz`,
  );
  let reminded = 0;
  for (const { id } of waiting) if (await remindOne(db, Number(id), remindBefore)) reminded++;
  return { expired, reminded };
}

async function expireOne(db: Db, id: number, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const locked = await lockIntroduction(tx, id);
    if (!locked || locked.intro.status !== 'open' || locked.intro.expiresAt > now) return false;
    const { intro } = locked;
    await tx.update(introductions).set({ status: 'expired', closedAt: sql`now()` }).where(eq(introductions.id, id));
    await tx
      .update(introductionSteps)
      .set({ status: 'expired' })
      .where(and(eq(introductionSteps.introductionId, id), sql`${introductionSteps.status} IN ('waiting', 'pending')`));
    await recordEvent(tx, { kind: 'introduction.expired', actorId: null, subjectId: intro.requesterId, data: { introductionId: id, path: intro.path, targetId: intro.targetId } });
    return true;
  });
}

async function remindOne(db: Db, id: number, remindBefore: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const locked = await lockIntroduction(tx, id);
    if (!locked || locked.intro.status !== 'open') return false;
    const [{ reminded } = { reminded: null }] = await rows<{ reminded: unknown }>(tx, sql`SELECT reminded_at AS reminded FROM introductions WHERE id = ${id}`);
    const waiting = locked.steps.find((s) => s.status === 'waiting');
    if (reminded !== null || !waiting?.reachedAt || waiting.reachedAt > new Date(remindBefore)) return false;
    await tx.update(introductions).set({ remindedAt: sql`now()` }).where(eq(introductions.id, id));
    await recordEvent(tx, { kind: 'introduction.reminded', actorId: null, subjectId: waiting.memberId, data: { introductionId: id, requesterId: locked.intro.requesterId } });
    return true;
  });
}
