import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type HttpMember, callAs, rapportCli, signUpOverHttp, spawnServer, type SpawnedServer } from './spawned-server.ts';

/**
 * kill -9 in the middle of a stream of accepted invitations, on the embedded PGlite data directory:
 * every accept the server acknowledged must survive, and the graph index rebuilt after the crash (from
 * the periodic snapshot plus the change log) must match the tables. About 20 s on an idle machine; the
 * first start (a fresh data directory) dominates.
 */
const dir = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
const dataDir = join(dir, 'data');
const running: SpawnedServer[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
  rmSync(dir, { recursive: true, force: true });
});

const INVITEES = 30;
const CONCURRENCY = 6;
const KILL_AFTER = 15;

async function connectionsOf(url: string, m: HttpMember): Promise<Set<string>> {
  const handles = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await callAs(url, m, 'GET', `/me/connections?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { handle: string }[]; nextCursor: string | null };
    for (const item of page.items) handles.add(item.handle);
    cursor = page.nextCursor;
  } while (cursor);
  return handles;
}

it('keeps every acknowledged accept through kill -9, and the recovered graph index matches the tables', async () => {
  // Snapshot every ~300 ms while running, so the crash lands after a snapshot taken mid-stream.
  // One hub invites many members within seconds: lift the new-account allowance and the write rate limit, which are not under test here.
  const env = { GRAPH_SNAPSHOT_MINUTES: '0.005', WEEKLY_INVITATIONS_NEW: '10000', RATE_LIMIT_WRITES_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' };
  const first = await spawnServer(dataDir, env);
  running.push(first);

  const hub = await signUpOverHttp(first.url, 'Crash Hub', 'hub@example.com');
  const invitees: HttpMember[] = [];
  for (let i = 0; i < INVITEES; i++) invitees.push(await signUpOverHttp(first.url, `Crash Member ${i}`, `m${i}@example.com`));
  const invitations = new Map<string, number>();
  for (const m of invitees) {
    const res = await callAs(first.url, hub, 'POST', '/invitations', { to: m.handle, note: '' });
    expect(res.status).toBe(201);
    invitations.set(m.handle, ((await res.json()) as { invitation: { id: number } }).invitation.id);
  }

  // Accepts, CONCURRENCY at a time; kill -9 once KILL_AFTER have been acknowledged, with others in flight.
  const acked: string[] = [];
  let killed = false;
  const queue = [...invitees];
  const worker = async () => {
    for (let m = queue.shift(); m && !killed; m = queue.shift()) {
      try {
        const res = await callAs(first.url, m, 'POST', `/invitations/${invitations.get(m.handle)}/accept`);
        if (res.ok) acked.push(m.handle);
      } catch {
        // The connection died with the server: not acknowledged, so either outcome is allowed.
      }
      if (!killed && acked.length >= KILL_AFTER) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(await first.exited).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(acked.length).toBeLessThan(INVITEES);
  expect(first.output()).toContain('graph snapshot written');
  expect(existsSync(join(dataDir, 'graph.snapshot'))).toBe(true);

  // The crashed data directory as it is: rebuild and snapshot + catch-up both match the tables.
  const verified = rapportCli(dataDir, 'graph', 'verify');
  expect(verified.stdout).toMatch(/snapshot \(mark \d+.*matches the tables/);
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);

  // Restarted on the same directory: every acknowledged accept is a connection, and the index says so.
  const second = await spawnServer(dataDir, env);
  running.push(second);
  expect(second.output()).toContain('graph index loaded from snapshot');
  const connected = await connectionsOf(second.url, hub);
  for (const handle of acked) expect(connected, `acknowledged accept by ${handle}`).toContain(handle);
  const degrees = await Promise.all(
    acked.slice(0, 5).map(async (handle) => ((await (await callAs(second.url, hub, 'GET', `/members/${handle}`)).json()) as { degree: number }).degree),
  );
  expect(degrees).toEqual([1, 1, 1, 1, 1]);

  // And it still stops cleanly (scripts/commands/graph.test.ts verifies the snapshot a clean stop writes).
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
}, 300_000);
