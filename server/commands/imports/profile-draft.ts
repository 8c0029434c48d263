/**
 * The profile an archive offers (import_profile_drafts), saved after the member reviewed and edited it:
 * through the same command as any profile edit (updateProfile), so its rules, events and search document
 * follow; the draft is then marked applied.
 */
import { sql } from 'drizzle-orm';
import type { ProfilePatch } from '../../../common/schemas/profile.ts';
import { type Db, rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { updateProfile } from '../profile/update-profile.ts';

export async function applyProfileDraft(db: Db, memberId: number, patch: ProfilePatch): Promise<void> {
  await inTransaction(db, async (tx) => {
    const marked = await rows<{ memberId: number }>(tx, sql`UPDATE import_profile_drafts SET applied_at = now() WHERE member_id = ${memberId} AND applied_at IS NULL RETURNING member_id AS "memberId"`);
    if (!marked.length) throw new AppError(409, 'import_state');
    await updateProfile(tx, memberId, patch);
    await recordAudit(tx, { actorId: memberId, action: 'profile.update', subjectType: 'member', subjectId: memberId, data: { fields: Object.keys(patch), from: 'import' } });
  });
}
