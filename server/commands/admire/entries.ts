import { and, eq, sql } from 'drizzle-orm';
import { ADMIRE_HISTORY_MAX, type AdmireHistoryItem, type AdmireStage } from '../../../common/admire.ts';
import type { AdmireCreate, AdmireUpdate } from '../../../common/schemas/admire.ts';
import type { Actor } from '../../auth/actor.ts';
import { type Db, type DbOrTx, rows } from '../../db/connection.ts';
import { admireEntries, members } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { admiredMemberRefusal, admireRoomRefusal, stageMoveRefusal } from '../../policies/admire.ts';
import { areConnected } from '../../queries/network/connections.ts';
import { blockBetween } from '../../queries/network/blocks.ts';
import { findOrganisationBySlug } from '../../queries/organisations.ts';
import { lockMembers } from '../network/locks.ts';

/**
 * Adds a member (by handle) or an organisation (by slug) to the owner's admire list. Everything is checked
 * before anything is written: exactly one of the two, a member the owner may see (no block either way, not
 * themself), an organisation that exists, room on the list, and no entry for it yet (409 admire_duplicate
 * with the existing entry's id: adding twice is a conflict, not a silent success, so a client learns the
 * note it sent was not kept). A member already connected starts at `connected`.
 */
export async function addAdmired(db: Db, owner: Actor, input: AdmireCreate): Promise<number> {
  if ((input.member === undefined) === (input.organisation === undefined)) throw badRequest('admire_target_required');
  let targetId: number | null = null;
  let organisationId: number | null = null;
  if (input.member !== undefined) {
    const [found] = await db.select({ id: members.id, status: members.status }).from(members).where(eq(members.handle, input.member));
    const id = found?.status === 'active' ? found.id : null;
    const block = id === null || id === owner.id ? null : await blockBetween(db, owner.id, id);
    const refusal = admiredMemberRefusal(owner.id, { id, block });
    if (refusal) throw refusal;
    targetId = id;
  } else {
    const org = await findOrganisationBySlug(db, input.organisation!);
    if (!org) throw badRequest('admire_organisation_unknown');
    organisationId = org.id;
  }

  return inTransaction(db, async (tx) => {
    // The owner's lock: two adds at once cannot both take the last place on the list.
    await lockMembers(tx, owner.id);
    const [count] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM admire_entries WHERE member_id = ${owner.id}`);
    const full = admireRoomRefusal(count?.n ?? 0);
    if (full) throw full;
    const [existing] = await tx
      .select({ id: admireEntries.id })
      .from(admireEntries)
      .where(
        and(
          eq(admireEntries.memberId, owner.id),
          targetId !== null ? eq(admireEntries.targetId, targetId) : eq(admireEntries.organisationId, organisationId!),
        ),
      );
    if (existing) throw conflict('admire_duplicate', { params: { id: existing.id } });
    const stage: AdmireStage = targetId !== null && (await areConnected(tx, owner.id, targetId)) ? 'connected' : 'identified';
    const note = input.note ?? '';
    const history: AdmireHistoryItem[] = [{ stage, note: '', at: new Date().toISOString() }];
    const [created] = await tx
      .insert(admireEntries)
      .values({ memberId: owner.id, targetId, organisationId, note, stage, history })
      .returning({ id: admireEntries.id });
    return created!.id;
  });
}

/**
 * Moves an entry along its pipeline and/or notes it. A stage change, or a note at the current stage, is
 * one more item of the history (the oldest go past ADMIRE_HISTORY_MAX). Someone else's entry is not found.
 */
export async function updateAdmired(db: Db, owner: Actor, id: number, input: AdmireUpdate): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [entry] = await tx
      .select({ stage: admireEntries.stage, history: admireEntries.history, note: admireEntries.note })
      .from(admireEntries)
      .where(and(eq(admireEntries.id, id), eq(admireEntries.memberId, owner.id)))
      .for('update');
    if (!entry) throw notFound();
    const stage = input.stage ?? entry.stage;
    const refusal = stageMoveRefusal(entry.stage, stage);
    if (refusal) throw refusal;
    const note = input.note?.trim() ?? '';
    const history = stage !== entry.stage || note !== '' ? [...entry.history, { stage, note, at: new Date().toISOString() }].slice(-ADMIRE_HISTORY_MAX) : entry.history;
    await tx
      .update(admireEntries)
      .set({ stage, history, note: input.entryNote ?? entry.note, updatedAt: new Date() })
      .where(eq(admireEntries.id, id));
  });
}

/** Removes an entry of the owner's list; someone else's is not found. */
export async function removeAdmired(db: Db, owner: Actor, id: number): Promise<void> {
  const gone = await db
    .delete(admireEntries)
    .where(and(eq(admireEntries.id, id), eq(admireEntries.memberId, owner.id)))
    .returning({ id: admireEntries.id });
  if (gone.length === 0) throw notFound();
}

/**
 * Two members connected: each one's entry for the other, wherever its pipeline stood, is now `connected`
 * (the events processor calls this for connection.made; idempotent, so a replay changes nothing).
 */
export async function markAdmiredConnected(db: DbOrTx, a: number, b: number, at: Date): Promise<void> {
  const item = JSON.stringify([{ stage: 'connected', note: '', at: at.toISOString() }]);
  await db.execute(sql`
    UPDATE admire_entries
       SET stage = 'connected', history = history || ${item}::jsonb, updated_at = now()
     WHERE stage <> 'connected'
       AND ((member_id = ${a} AND target_id = ${b}) OR (member_id = ${b} AND target_id = ${a}))`);
}
