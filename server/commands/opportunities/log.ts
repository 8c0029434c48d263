/**
 * Writes to a member's opportunity log (issue 15): log one, change it, remove it. Each is one transaction
 * keyed by the member's own id; the people are resolved and checked by the route (policies/opportunities.ts)
 * before anything is written.
 */
import { sql } from 'drizzle-orm';
import type { OpportunityKind } from '../../../common/opportunities.ts';
import { OPPORTUNITY_LIMITS } from '../../../common/opportunities.ts';
import { rows, type Db, type Tx } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { conflict, notFound } from '../../errors.ts';
import { intArray } from '../../graph/sql.ts';

export interface OpportunityInput {
  kind: OpportunityKind;
  title: string;
  value: number | null;
  personIds: number[];
}

async function setPeople(tx: Tx, memberId: number, opportunityId: number, personIds: readonly number[]): Promise<void> {
  await tx.execute(sql`DELETE FROM opportunity_people WHERE opportunity_id = ${opportunityId}`);
  const unique = [...new Set(personIds)];
  await tx.execute(
    sql`INSERT INTO opportunity_people (opportunity_id, member_id, person_id, position)
        SELECT ${opportunityId}, ${memberId}, p.id, p.n - 1 FROM unnest(${intArray(unique)}::int[]) WITH ORDINALITY AS p(id, n)`,
  );
}

export async function createOpportunity(db: Db, memberId: number, input: OpportunityInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    // The member's row, locked, so two logs at once cannot both take the last place under the cap.
    await tx.execute(sql`SELECT id FROM members WHERE id = ${memberId} FOR UPDATE`);
    const [count] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM opportunities WHERE member_id = ${memberId}`);
    if ((count?.n ?? 0) >= OPPORTUNITY_LIMITS.perMemberMax) throw conflict('opportunities_limit', { params: { max: OPPORTUNITY_LIMITS.perMemberMax } });
    const [created] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO opportunities (member_id, kind, title, value) VALUES (${memberId}, ${input.kind}, ${input.title}, ${input.value})
          RETURNING id`,
    );
    const id = Number(created!.id);
    await setPeople(tx, memberId, id, input.personIds);
    return id;
  });
}

export async function updateOpportunity(db: Db, memberId: number, id: number, patch: Partial<OpportunityInput>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const sets = [sql`updated_at = now()`];
    if (patch.kind !== undefined) sets.push(sql`kind = ${patch.kind}`);
    if (patch.title !== undefined) sets.push(sql`title = ${patch.title}`);
    if (patch.value !== undefined) sets.push(sql`value = ${patch.value}`);
    const [updated] = await rows<{ id: number }>(
      tx,
      sql`UPDATE opportunities SET ${sql.join(sets, sql`, `)} WHERE member_id = ${memberId} AND id = ${id} RETURNING id`,
    );
    if (!updated) throw notFound('opportunity');
    if (patch.personIds !== undefined) await setPeople(tx, memberId, id, patch.personIds);
  });
}

export async function deleteOpportunity(db: Db, memberId: number, id: number): Promise<void> {
  const [deleted] = await rows<{ id: number }>(db, sql`DELETE FROM opportunities WHERE member_id = ${memberId} AND id = ${id} RETURNING id`);
  if (!deleted) throw notFound('opportunity');
}
