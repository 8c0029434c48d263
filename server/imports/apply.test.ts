import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../db/connection.ts';
import { signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import type { ImportRecord } from './records.ts';
import { runImport } from './run.ts';

/** Records fed straight to the pipeline (no parser): staging, batches, the checkpoint, idempotency. */
describeEachEngine('import apply: resume and idempotency', (get) => {
  const db = () => get().database.db;
  const at = (line: number) => ({ file: 'Connections.csv', line });
  const records: ImportRecord[] = [
    ...Array.from({ length: 25 }, (_, i): ImportRecord => ({
      kind: 'contact',
      source: 'linkedin',
      at: at(i + 4),
      person: { name: `Person ${i}`, emails: [], phones: [], urls: [`https://www.linkedin.com/in/person-${i}`], organisation: 'Acme', connectedOn: '2019-03-0' + ((i % 9) + 1) },
    })),
    { kind: 'interactions', at: { file: 'messages.csv', line: 2 }, person: { name: 'Person 1', url: 'https://linkedin.com/in/person-1/' }, messages: 4, invitations: 0, lastAt: '2026-01-02T10:00:00Z' },
    { kind: 'interactions', at: { file: 'Invitations.csv', line: 2 }, person: { name: 'Person 1' }, messages: 0, invitations: 1, lastAt: '2025-01-02T10:00:00Z' },
    { kind: 'note', at: { file: 'Notes.csv', line: 2 }, person: { name: 'person 2' }, text: 'Met at the fair', date: '2025-05-01' },
    { kind: 'note', at: { file: 'Notes.csv', line: 3 }, person: { name: 'Nobody Known' }, text: 'Lost', date: '2025-05-01' },
    { kind: 'endorsement_received', at: { file: 'Endorsement_Received_Info.csv', line: 2 }, skill: 'Maps', endorser: { name: 'Person 3' } },
    { kind: 'position', at: { file: 'Positions.csv', line: 2 }, position: { organisation: 'Acme', title: 'Cartographer', startedOn: '2019-03' } },
    { kind: 'skill', at: { file: 'Skills.csv', line: 2 }, name: 'Maps' },
  ];

  async function start(memberId: number) {
    const [row] = await rows<{ id: number }>(db(), sql`INSERT INTO imports (member_id, file_name, stored_path) VALUES (${memberId}, 'archive.zip', '/nonexistent/upload') RETURNING id`);
    return row!.id;
  }
  const deps = (extra: object = {}) => ({
    db: db(),
    parse: async (_f: unknown, _o: unknown, sink: { record(r: ImportRecord): unknown; progress(d: number, t: number): void }) => {
      for (const r of records) await sink.record(r);
      sink.progress(100, 100);
    },
    inspect: async () => ({ headers: [], sample: [], preset: null, proposed: {} }),
    limits: get().app.ctx.config.imports.limits,
    degreesOf: async (_v: number, ids: readonly number[]) => ids.map(() => null),
    batchSize: 7,
    ...extra,
  });
  const snapshot = async (memberId: number) =>
    rows(db(), sql`SELECT name, message_count, invitation_count, last_interaction_at, connected_on,
                          (SELECT count(*)::int FROM contact_notes n WHERE n.contact_id = c.id) AS notes
                     FROM contacts c WHERE member_id = ${memberId} ORDER BY name`);

  it('resumes after a crash between batches, and applying again changes nothing', async () => {
    const m = await signUp(get().app, 'Resume Importer');
    const id = await start(m.id);
    await expect(runImport(deps({ afterBatch: (n: number) => { if (n === 2) throw new Error('crash'); } }), id)).rejects.toThrow('crash');
    const [mid] = await rows<{ status: string; applied: number; seq: number }>(db(), sql`SELECT status, records_applied AS applied, checkpoint_seq AS seq FROM imports WHERE id = ${id}`);
    expect(mid).toMatchObject({ status: 'applying', applied: 14 });
    await runImport(deps(), id);
    const [done] = await rows<{ status: string; applied: number; report: { applied: Record<string, number>; files: { file: string; issues: { code: string; line: number }[] }[] } }>(
      db(),
      sql`SELECT status, records_applied AS applied, report FROM imports WHERE id = ${id}`,
    );
    expect(done!.status).toBe('done');
    expect(done!.applied).toBe(records.length);
    expect(done!.report.applied.contactsCreated).toBe(25);
    expect(done!.report.files.find((f) => f.file === 'Notes.csv')!.issues).toEqual([expect.objectContaining({ line: 3, code: 'note_contact_not_found' })]);
    const first = await snapshot(m.id);
    expect(first).toHaveLength(25);
    expect(first.find((c) => (c as { name: string }).name === 'Person 1')).toMatchObject({ message_count: 4, invitation_count: 1 });
    expect(first.find((c) => (c as { name: string }).name === 'Person 2')).toMatchObject({ notes: 1 });

    // The same records again (a second import of the same file): nothing new, counts are not added.
    const again = await start(m.id);
    await runImport(deps(), again);
    expect(await snapshot(m.id)).toEqual(first);
    const [history] = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM imported_history WHERE member_id = ${m.id}`);
    expect(history!.n).toBe(1);
    const [staged] = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM import_records WHERE member_id = ${m.id}`);
    expect(staged!.n).toBe(0);
  });
});
