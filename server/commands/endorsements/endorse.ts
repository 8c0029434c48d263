import { sql } from 'drizzle-orm';
import { matchKey } from '../../../common/text.ts';
import type { EndorsementState } from '../../../common/schemas/endorsements.ts';
import type { Actor } from '../../auth/actor.ts';
import { type Db, rows, type Tx } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { notFound } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { endorseRefusal, unendorseRefusal } from '../../policies/endorsements.ts';
import { memberByHandle } from '../../queries/members.ts';
import { blockBetween } from '../../queries/network/blocks.ts';
import { areConnected } from '../../queries/network/connections.ts';
import { lockMembers } from '../network/locks.ts';

/** The member's listed skill with that name (case, accents and spacing ignored), or the 404 of a skill they do not list. */
async function listedSkill(tx: Tx, memberId: number, name: string): Promise<{ id: number; name: string }> {
  const key = matchKey(name);
  const [skill] = key
    ? await rows<{ id: number; name: string }>(
        tx,
        sql`SELECT s.id, s.name FROM member_skills ms JOIN skills s ON s.id = ms.skill_id WHERE ms.member_id = ${memberId} AND s.name_key = ${key}`,
      )
    : [];
  if (!skill) throw notFound('skill');
  return skill;
}

async function stateOf(tx: Tx, memberId: number, skill: { id: number; name: string }, endorsed: boolean): Promise<EndorsementState> {
  const [row] = await rows<{ count: number | string }>(
    tx,
    sql`SELECT count(*) AS count FROM endorsements en JOIN members m ON m.id = en.endorser_id AND m.status = 'active'
         WHERE en.member_id = ${memberId} AND en.skill_id = ${skill.id}`,
  );
  return { skill: skill.name, count: Number(row?.count ?? 0), endorsed };
}

/**
 * Endorses a skill of a 1st-degree connection. Endorsing again changes nothing and records nothing. Refused
 * for one's own skills, a skill the member does not list, a member one is not connected to, and across a block.
 */
export async function endorseSkill(db: Db, actor: Actor, handle: string, skillName: string): Promise<EndorsementState> {
  return inTransaction(db, async (tx) => {
    const other = await memberByHandle(tx, handle);
    await lockMembers(tx, actor.id, other.id);
    const refusal = endorseRefusal(actor.id, { id: other.id, block: await blockBetween(tx, actor.id, other.id), connected: await areConnected(tx, actor.id, other.id) });
    if (refusal) throw refusal;
    const skill = await listedSkill(tx, other.id, skillName);
    const [added] = await rows<{ skill_id: number }>(
      tx,
      sql`INSERT INTO endorsements (member_id, skill_id, endorser_id) VALUES (${other.id}, ${skill.id}, ${actor.id}) ON CONFLICT DO NOTHING RETURNING skill_id`,
    );
    if (added) await recordEvent(tx, { kind: 'endorsement.added', actorId: actor.id, subjectId: other.id, data: { skillId: skill.id } });
    return stateOf(tx, other.id, skill, true);
  });
}

/** Takes back an endorsement; none to take back is fine (and records nothing). */
export async function unendorseSkill(db: Db, actor: Actor, handle: string, skillName: string): Promise<EndorsementState> {
  return inTransaction(db, async (tx) => {
    const other = await memberByHandle(tx, handle);
    const refusal = unendorseRefusal(actor.id, { id: other.id, block: await blockBetween(tx, actor.id, other.id) });
    if (refusal) throw refusal;
    const skill = await listedSkill(tx, other.id, skillName);
    const [gone] = await rows<{ skill_id: number }>(
      tx,
      sql`DELETE FROM endorsements WHERE member_id = ${other.id} AND skill_id = ${skill.id} AND endorser_id = ${actor.id} RETURNING skill_id`,
    );
    if (gone) await recordEvent(tx, { kind: 'endorsement.removed', actorId: actor.id, subjectId: other.id, data: { skillId: skill.id } });
    return stateOf(tx, other.id, skill, false);
  });
}
