import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it, vi } from 'vitest';
import { bulkConnect } from '../commands/network/bulk-connect.ts';
import { rows } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { recordEvent } from '../events/record.ts';
import { connect, members } from '../routes/network/network-test-helpers.ts';
import { describeEachEngine } from '../test/engines.ts';
import { CsrGraph } from './csr.ts';
import { encodeCsr } from './csr-snapshot.ts';
import { databaseFingerprint, loadSnapshot, openGraph, pruneEvents, saveSnapshot } from './persist.ts';
import { writeSnapshotFile } from './snapshot.ts';
import { verifyGraph } from './verify.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recordingLog() {
  const lines: string[] = [];
  const push = (level: string) => (obj: object, msg: string) => void lines.push(`${level} ${msg} ${JSON.stringify(obj)}`);
  return { lines, info: push('info'), warn: push('warn') };
}

describeEachEngine('graph snapshot and catch-up', (get) => {
  const path = join(dir, `graph-${Math.random().toString(36).slice(2)}.snapshot`);

  it('loads a snapshot, replays the changes made after it, and matches the tables exactly', async () => {
    const { app, database } = get();
    const [a, b, c, d] = await members(app, ['Snap A', 'Snap B', 'Snap C', 'Snap D']);
    await connect(a!, b!);
    await connect(b!, c!);
    const meta = await saveSnapshot(app.ctx.graph, database.db, path);
    expect(meta.mark).toBe(app.ctx.graph.lastChangeId);

    // After the snapshot: a connection, a disconnection, an unfollow, and a member with no edges yet.
    await connect(c!, d!);
    expect((await a!.call('DELETE', `/api/v1/connections/${b!.handle}`)).statusCode).toBeLessThan(300);
    expect((await c!.call('DELETE', `/api/v1/members/${d!.handle}/follow`)).statusCode).toBeLessThan(300);
    const [late] = await members(app, ['Snap Late']);

    const loaded = await loadSnapshot(database.db, path);
    expect(loaded!.replayed).toBeGreaterThan(0);
    expect(loaded!.service.lastChangeId).toBe(app.ctx.graph.lastChangeId);
    expect(loaded!.service.csrIndex.graph.n).toBeGreaterThan(late!.id);
    const report = await verifyGraph(database.db, loaded!.service.csrIndex.graph);
    expect(report.differences).toEqual([]);

    // The server's path takes it too, and catching up again changes nothing.
    const log = recordingLog();
    const opened = await openGraph(database.db, path, log);
    expect(opened.snapshot?.mark).toBe(meta.mark);
    expect(log.lines.join('\n')).toContain('graph index loaded from snapshot');
    expect(await opened.service.catchUp(database.db)).toBe(0);
  });

  it('catches up from the outbox with changes made while the server was down', async () => {
    const { app, database } = get();
    const [g, h] = await members(app, ['Snap G', 'Snap H']);
    const meta = await saveSnapshot(app.ctx.graph, database.db, path);
    // Written as an import would write it, with no server to hand the events to: only the outbox has them.
    await database.db.transaction((tx) => bulkConnect(tx, [{ a: g!.id, b: h!.id, atMs: Date.UTC(2020, 0, 2), context: 'import' }]));
    expect(await app.ctx.graph.index.degrees(g!.id, [h!.id])).toEqual([null]);

    const log = recordingLog();
    const opened = await openGraph(database.db, path, log);
    expect(opened.snapshot?.mark).toBe(meta.mark);
    expect(log.lines.join('\n')).toContain('graph index loaded from snapshot');
    expect(await opened.service.index.degrees(g!.id, [h!.id])).toEqual([1]);
    expect((await verifyGraph(database.db, opened.service.csrIndex.graph)).differences).toEqual([]);
    // The running server learns of it at its next start; keep this suite's app in step with the tables.
    await app.ctx.graph.catchUp(database.db);
  });

  it('holds the mark below a change whose transaction rolled back until the database says it aborted', async () => {
    const { app, database } = get();
    const [e, f] = await members(app, ['Snap E', 'Snap F']);
    const graph = app.ctx.graph;
    await expect(
      inTransaction(database.db, async (tx) => {
        await recordEvent(tx, { kind: 'follow.added', actorId: e!.id, subjectId: f!.id, data: { cause: 'follow' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const rolledBack = graph.lastChangeId + 1;
    // A later change commits and is applied: the newest applied id now passes the rolled-back one…
    expect((await f!.call('PUT', `/api/v1/members/${e!.handle}/follow`)).statusCode).toBe(200);
    expect(graph.lastChangeId).toBeGreaterThan(rolledBack);
    // …but the mark stays below it, since nothing yet says it will never commit.
    expect(graph.marks.safe()).toBe(rolledBack - 1);
    // On a server the outbox follower also waits for every transaction running when it skipped that id, and
    // other test files share the server: poll.
    await vi.waitFor(
      async () => {
        await graph.marks.settle(database.db);
        expect(graph.marks.safe()).toBe(graph.lastChangeId);
      },
      { timeout: 15_000, interval: 100 },
    );
  });

  it('rebuilds from the tables, saying why, when the snapshot is damaged, foreign or too old for the log', async () => {
    const { database } = get();
    const bad = join(dir, 'damaged.snapshot');
    writeFileSync(bad, readFileSync(path).map((byte, i, all) => (i === all.length - 3 ? byte ^ 0xff : byte)));
    let log = recordingLog();
    let opened = await openGraph(database.db, bad, log);
    expect(opened.snapshot).toBeNull();
    expect(log.lines.join('\n')).toMatch(/checksum mismatch[\s\S]*built from the tables/);
    expect((await verifyGraph(database.db, opened.service.csrIndex.graph)).differenceCount).toBe(0);

    const foreign = join(dir, 'foreign.snapshot');
    await writeSnapshotFile(foreign, encodeCsr(CsrGraph.empty()), { mark: 0, maxApplied: 0, database: 'elsewhere', takenAt: '' });
    log = recordingLog();
    opened = await openGraph(database.db, foreign, log);
    expect(opened.snapshot).toBeNull();
    expect(log.lines.join('\n')).toContain('another database');

    // A snapshot from before the log was pruned past its mark cannot be caught up.
    const old = join(dir, 'old.snapshot');
    await writeSnapshotFile(old, encodeCsr(CsrGraph.empty()), { mark: 0, maxApplied: 0, database: await databaseFingerprint(database.db), takenAt: '' });
    const [{ max } = { max: 0 }] = await rows<{ max: number }>(database.db, sql`SELECT max(id)::int AS max FROM events`);
    expect(await pruneEvents(database.db, max, 1)).toBeGreaterThan(0);
    log = recordingLog();
    opened = await openGraph(database.db, old, log);
    expect(opened.snapshot).toBeNull();
    expect(log.lines.join('\n')).toContain('were pruned');
    expect((await verifyGraph(database.db, opened.service.csrIndex.graph)).differenceCount).toBe(0);
  });
});
