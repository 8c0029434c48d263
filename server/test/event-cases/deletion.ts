import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { purgeMember } from '../../commands/deletion/purge.ts';
import { inTransaction } from '../../db/transaction.ts';
import { connect } from '../../routes/network/network-test-helpers.ts';
import type { Case, CaseKit } from './types.ts';

/** Account deletion (docs/account-deletion.md): schedule, cancel, and the purge, which has no route (a job runs it). */
export function deletionCases(kit: CaseKit): Case[] {
  const { db, status, count, member } = kit;
  const pending = (memberId: number) => count(sql`SELECT count(*)::int AS n FROM account_deletions WHERE member_id = ${memberId} AND status = 'pending'`);
  return [
    {
      family: 'account deletion: schedule',
      refuse: 'account.deletion_scheduled',
      setup: async () => {
        const a = await member('Leaving Events');
        return {
          act: async () => status(await a.call('DELETE', '/api/v1/me')),
          state: () => pending(a.id),
          expected: (answer) => [{ kind: 'account.deletion_scheduled', actorId: a.id, subjectId: a.id, data: { purgeAfter: (answer as { purgeAfter: string }).purgeAfter } }],
          written: () => sql`SELECT xmin::text AS xmin FROM account_deletions WHERE member_id = ${a.id}`,
        };
      },
    },
    {
      family: 'account deletion: cancel',
      refuse: 'account.deletion_cancelled',
      setup: async () => {
        const a = await member('Staying Events');
        expect((await a.call('DELETE', '/api/v1/me')).statusCode).toBe(202);
        return {
          act: async () => status(await a.call('POST', '/api/v1/me/cancel-deletion')),
          state: () => pending(a.id),
          expected: () => [{ kind: 'account.deletion_cancelled', actorId: a.id, subjectId: a.id, data: {} }],
          written: () => sql`SELECT xmin::text AS xmin FROM account_deletions WHERE member_id = ${a.id}`,
        };
      },
    },
    {
      family: 'account deletion: purge',
      refuse: 'member.deleted',
      setup: async () => {
        const [a, b] = [await member('Purged Events'), await member('Kept Events')];
        await connect(a, b);
        expect((await a.call('DELETE', '/api/v1/me')).statusCode).toBe(202);
        await db().execute(sql`UPDATE account_deletions SET purge_after = now() - interval '1 second' WHERE member_id = ${a.id}`);
        return {
          act: async () => {
            try {
              await inTransaction(db(), (tx) => purgeMember(tx, a.id));
              return 200;
            } catch {
              return 500;
            }
          },
          state: () => count(sql`SELECT count(*)::int AS n FROM members WHERE id = ${a.id} AND status = 'deleted'`),
          expected: () => [
            { kind: 'connection.removed', actorId: a.id, subjectId: b.id, data: {} },
            { kind: 'follow.removed', actorId: a.id, subjectId: b.id, data: { cause: 'connection_removed' } },
            { kind: 'follow.removed', actorId: b.id, subjectId: a.id, data: { cause: 'connection_removed' } },
            { kind: 'member.deleted', actorId: null, subjectId: a.id, data: {} },
          ],
          written: () => sql`SELECT xmin::text AS xmin FROM account_deletions WHERE member_id = ${a.id}`,
        };
      },
    },
  ];
}
