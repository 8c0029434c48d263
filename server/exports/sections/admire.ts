/** The export's admire list (issue 15): the people and organisations the member wants to reach, private to them. */
import { sql } from 'drizzle-orm';
import { type ExportSection, PAGE, paged } from './section.ts';

const ts = (column: string) => sql.raw(`to_json(${column})#>>'{}'`);

export const admireSection: ExportSection = {
  kind: 'table',
  name: 'admire',
  about: 'Your admire list: the people and organisations you want to reach, with where each stands in your pipeline, oldest first.',
  fields: {
    handle: 'The member, if the entry is a person.',
    name: 'Their name, or the organisation’s.',
    organisation: 'The organisation’s slug, if the entry is an organisation.',
    note: 'Your note on the entry.',
    stage: 'Where it stands: identified, reached_out, replied, met or connected.',
    history: 'The stage changes and notes, oldest first, as JSON ([{stage, note, at}]).',
    createdAt: 'When you added it.',
    updatedAt: 'When it last changed.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT e.id::float8 AS k, m.handle, coalesce(p.name, o.name) AS name, o.slug AS organisation, e.note, e.stage,
                            e.history::text AS history, ${ts('e.created_at')} AS "createdAt", ${ts('e.updated_at')} AS "updatedAt"
                       FROM admire_entries e
                       LEFT JOIN members m ON m.id = e.target_id LEFT JOIN profiles p ON p.member_id = e.target_id
                       LEFT JOIN organisations o ON o.id = e.organisation_id
                      WHERE e.member_id = ${ctx.memberId} AND e.id > ${after} ORDER BY e.id LIMIT ${PAGE}`,
    ),
};
