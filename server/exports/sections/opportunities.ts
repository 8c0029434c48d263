/**
 * The export's opportunity log (issue 15): every opportunity the member logged, with the people it came
 * through by handle. How each relationship began is in connections.csv; the report is computed from both.
 */
import { sql } from 'drizzle-orm';
import { type ExportSection, PAGE, paged } from './section.ts';

export const opportunitiesSection: ExportSection = {
  kind: 'table',
  name: 'opportunities',
  about: 'Your private opportunity log: jobs, clients, projects, speaking slots and partnerships, each with the people it came through.',
  fields: {
    id: "The opportunity's id.",
    kind: 'job, client, project, speaking or partnership.',
    title: 'What it was, as you wrote it.',
    value: 'Its value, in whole units of your currency, if you gave one.',
    people: 'The handles of the people it came through, in the order you gave them.',
    createdAt: 'When you logged it.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT o.id::float8 AS k, o.id::float8 AS id, o.kind, o.title, o.value::float8 AS value,
                            coalesce((SELECT array_agg(m.handle ORDER BY op.position) FROM opportunity_people op JOIN members m ON m.id = op.person_id
                                       WHERE op.opportunity_id = o.id), '{}') AS people,
                            to_json(o.created_at)#>>'{}' AS "createdAt"
                       FROM opportunities o WHERE o.member_id = ${ctx.memberId} AND o.id > ${after} ORDER BY o.id LIMIT ${PAGE}`,
    ),
};
