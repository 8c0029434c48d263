import { sql } from 'drizzle-orm';
import { rows } from '../../db/connection.ts';
import type { Case, CaseKit } from './types.ts';

/** An operator suggests people for a newcomer to meet (Admin → Community): the audit row and the notification commit with the event. */
export function communityCases({ db, member, status }: CaseKit): Case[] {
  return [
    {
      family: 'community: suggest introductions to a newcomer',
      refuse: 'community.introductions_suggested',
      setup: async () => {
        const [operator, newcomer, other] = [await member('Introducing Operator'), await member('Introduced Newcomer'), await member('Suggested Member')];
        await db().execute(sql`UPDATE members SET role = 'admin' WHERE id = ${operator.id}`);
        return {
          act: async () => status(await operator.call('POST', `/api/v1/admin/community/newcomers/${newcomer.handle}/suggestions`, { handles: [other.handle] })),
          state: async () => [
            await rows(db(), sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'community.suggest_introductions' AND subject_id = ${String(newcomer.id)}`),
            await rows(db(), sql`SELECT count(*)::int AS n FROM notifications WHERE member_id = ${newcomer.id}`),
          ],
          expected: () => [{ kind: 'community.introductions_suggested', actorId: operator.id, subjectId: newcomer.id, data: { people: [other.id] } }],
          written: () => sql`SELECT xmin::text AS xmin FROM audit_events WHERE action = 'community.suggest_introductions' AND subject_id = ${String(newcomer.id)}`,
        };
      },
    },
  ];
}
