import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { ExportView } from '../../../common/schemas/exports.ts';
import { sweepExports } from '../../commands/exports/sweep.ts';
import { rows } from '../../db/connection.ts';
import { runExport } from '../../jobs/exports.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

describeEachEngine('exports over the API', (get) => {
  const db = () => get().database.db;

  /** Polls the export as the API's user would, letting the queue run between polls. */
  async function untilFinished(m: Member, id: number): Promise<ExportView> {
    for (let i = 0; i < 100; i++) {
      await get().app.ctx.jobs.kick();
      const res = await m.call('GET', `/api/v1/exports/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json<ExportView>();
      if (view.status === 'done' || view.status === 'failed') return view;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('export never finished');
  }

  it('queues (202), reports its status until done, and downloads for its owner alone with a fresh token', async () => {
    const ana = await signUp(get().app, 'Ana Exporter');
    const bo = await signUp(get().app, 'Bo Snooper');
    const created = await ana.call('POST', '/api/v1/exports');
    expect(created.statusCode, created.body).toBe(202);
    const { id } = created.json<{ id: number }>();
    const first = (await ana.call('GET', `/api/v1/exports/${id}`)).json<ExportView>();
    expect(['queued', 'running', 'done']).toContain(first.status);
    if (first.status !== 'done') expect(first.url).toBeNull();

    const done = await untilFinished(ana, id);
    expect(done).toMatchObject({ id, status: 'done', failure: null });
    expect(done.url).toMatch(new RegExp(`^/api/v1/exports/${id}/download\\?token=rx_`));
    const days = (new Date(done.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const download = await ana.call('GET', done.url!);
    expect(download.statusCode, download.body.slice(0, 200)).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="rapport-.+\.zip"$/);
    expect(download.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(download.rawPayload.length).toBe(done.bytes);

    // A token is only stored hashed.
    const [stored] = await rows<{ hashes: string[] }>(db(), sql`SELECT token_hashes AS hashes FROM exports WHERE id = ${id}`);
    const token = new URL(done.url!, 'http://x').searchParams.get('token')!;
    expect(stored!.hashes.join(' ')).not.toContain(token);

    // Someone else: the export does not exist for them, with or without the owner's link.
    expect((await bo.call('GET', `/api/v1/exports/${id}`)).statusCode).toBe(404);
    const stolen = await bo.call('GET', done.url!);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().code).toBe('not_found');
    expect((await bo.call('GET', '/api/v1/exports')).json().items).toEqual([]);
    // Nobody signed in: 401.
    expect((await get().app.inject({ method: 'GET', url: done.url! })).statusCode).toBe(401);

    // A wrong token, a missing one, and the right one once the export expired: 404 (400 for none).
    expect((await ana.call('GET', `/api/v1/exports/${id}/download?token=rx_${'x'.repeat(32)}`)).statusCode).toBe(404);
    // A value that is not a token's shape is refused before the database is asked.
    expect((await ana.call('GET', `/api/v1/exports/${id}/download?token=rx_not-the-token`)).statusCode).toBe(400);
    expect((await ana.call('GET', `/api/v1/exports/${id}/download`)).statusCode).toBe(400);
    // An earlier link still works (tokens are kept until the export expires).
    const later = (await ana.call('GET', `/api/v1/exports/${id}`)).json<ExportView>();
    expect(later.url).not.toBe(done.url);
    expect((await ana.call('GET', done.url!)).statusCode).toBe(200);
    await db().execute(sql`UPDATE exports SET expires_at = now() - interval '1 second' WHERE id = ${id}`);
    expect((await ana.call('GET', done.url!)).statusCode).toBe(404);
    expect((await ana.call('GET', later.url!)).statusCode).toBe(404);
    expect((await ana.call('GET', `/api/v1/exports/${id}`)).json().url).toBeNull();
  });

  it('lists my exports with a link to the newest finished one', async () => {
    const ana = await signUp(get().app, 'Ana Lister');
    const { id } = (await ana.call('POST', '/api/v1/exports')).json<{ id: number }>();
    await untilFinished(ana, id);
    const list = (await ana.call('GET', '/api/v1/exports')).json<{ items: ExportView[] }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id, status: 'done' });
    expect((await ana.call('GET', list.items[0]!.url!)).statusCode).toBe(200);
  });

  it('allows one export at a time and a few a day, so a member cannot queue a flood', async () => {
    const ana = await signUp(get().app, 'Ana Flood');
    await db().execute(sql`INSERT INTO exports (member_id, status) VALUES (${ana.id}, 'running')`);
    const busy = await ana.call('POST', '/api/v1/exports');
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('export_in_progress');
    await db().execute(sql`UPDATE exports SET status = 'done' WHERE member_id = ${ana.id}`);
    await db().execute(sql`INSERT INTO exports (member_id, status) SELECT ${ana.id}, 'done' FROM generate_series(1, 4)`);
    const flood = await ana.call('POST', '/api/v1/exports');
    expect(flood.statusCode).toBe(429);
    expect(flood.json().code).toBe('rate_limited');
    expect(Number(flood.headers['retry-after'])).toBeGreaterThan(0);
    // Another member is not held back by it.
    const bo = await signUp(get().app, 'Bo Flood');
    expect((await bo.call('POST', '/api/v1/exports')).statusCode).toBe(202);
  });

  it('marks a build that fails as failed, with a code, and leaves no file behind', async () => {
    const ana = await signUp(get().app, 'Ana Failing');
    const [row] = await rows<{ id: number }>(db(), sql`INSERT INTO exports (member_id) VALUES (${ana.id}) RETURNING id::float8 AS id`);
    // The exports "directory" is a file: the build cannot write there.
    const blocker = join(get().config.exportsDir, `blocker-${row!.id}`);
    await mkdir(get().config.exportsDir, { recursive: true });
    await writeFile(blocker, 'not a directory');
    await expect(runExport({ db: db(), dir: blocker, publicUrl: 'http://x' }, row!.id)).rejects.toThrow();
    const view = (await ana.call('GET', `/api/v1/exports/${row!.id}`)).json<ExportView>();
    expect(view).toMatchObject({ status: 'failed', failure: 'build_failed', url: null });
    // A replayed job does nothing to a finished export.
    expect(await runExport({ db: db(), dir: blocker, publicUrl: 'http://x' }, row!.id)).toBe(false);
  });

  it('sweeps expired exports: their rows and files go, and stale temporary files with them', async () => {
    const ana = await signUp(get().app, 'Ana Sweeper');
    const { id } = (await ana.call('POST', '/api/v1/exports')).json<{ id: number }>();
    await untilFinished(ana, id);
    const [row] = await rows<{ fileName: string }>(db(), sql`SELECT file_name AS "fileName" FROM exports WHERE id = ${id}`);
    const dir = get().config.exportsDir;
    const file = join(dir, row!.fileName);
    expect(existsSync(file)).toBe(true);
    const stale = join(dir, `export-stale-${id}.zip.part`);
    const fresh = join(dir, `export-fresh-${id}.zip.part`);
    await writeFile(stale, 'half');
    await writeFile(fresh, 'half');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);

    // Not expired yet: kept.
    await sweepExports(db(), dir);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);

    await db().execute(sql`UPDATE exports SET expires_at = now() - interval '1 minute' WHERE id = ${id}`);
    expect(await sweepExports(db(), dir)).toBeGreaterThanOrEqual(1);
    expect(existsSync(file)).toBe(false);
    expect((await rows(db(), sql`SELECT 1 FROM exports WHERE id = ${id}`)).length).toBe(0);
    expect((await ana.call('GET', `/api/v1/exports/${id}`)).statusCode).toBe(404);
    expect((await readdir(dir)).filter((n) => n.startsWith(`export-${id}-`))).toEqual([]);
  });

  it('tells its owner when it is ready: a notification linking to Settings, never the token', async () => {
    const ana = await signUp(get().app, 'Ana Notified');
    const { id } = (await ana.call('POST', '/api/v1/exports')).json<{ id: number }>();
    await untilFinished(ana, id);
    const list = (await ana.call('GET', '/api/v1/notifications')).json<{ items: { kind: string; subject: { exportId?: number } }[] }>();
    expect(list.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'export_ready', subject: expect.objectContaining({ exportId: id }) })]));
  });
});
