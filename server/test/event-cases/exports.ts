import { sql } from 'drizzle-orm';
import { finishExport } from '../../commands/exports/exports.ts';
import { rows } from '../../db/connection.ts';
import type { Case, CaseKit } from './types.ts';

/** A member's export, finished by its job (the build itself writes a file, not rows: the state change is the row). */
export function exportCases({ db, member }: CaseKit): Case[] {
  return [
    {
      family: 'exports: an export is ready',
      refuse: 'export.ready',
      setup: async () => {
        const a = await member('Exported Events');
        const [row] = await rows<{ id: number }>(db(), sql`INSERT INTO exports (member_id, status) VALUES (${a.id}, 'running') RETURNING id::float8 AS id`);
        const id = row!.id;
        return {
          act: async () => {
            try {
              return (await finishExport(db(), id, a.id, { name: `export-${id}.zip`, bytes: 22 })) ? 200 : 409;
            } catch {
              return 500;
            }
          },
          state: () => rows(db(), sql`SELECT status, file_name FROM exports WHERE id = ${id}`),
          expected: () => [{ kind: 'export.ready', actorId: null, subjectId: a.id, data: { exportId: id } }],
          written: () => sql`SELECT xmin::text AS xmin FROM exports WHERE id = ${id}`,
        };
      },
    },
  ];
}
