import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { callAs, signUpOverHttp, spawnServer, type SpawnedServer } from '../spawned-server.ts';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * Issue 16: PostgreSQL stopped and started again under an app process that keeps running. While the
 * database is down, requests fail fast (within 5 s each) with 503 problem+json and a stable code; once it is
 * back, the same process serves again without being restarted.
 */
let server: ThrowawayPostgres | undefined;
let app: SpawnedServer | undefined;
const dir = mkdtempSync(join(tmpdir(), 'rapport-pgrestart-'));
afterAll(async () => {
  if (app && app.child.exitCode === null) app.child.kill('SIGKILL');
  await app?.exited;
  server?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(postgresBinaries)('PostgreSQL restarted during traffic [postgres]', () => {
  it('answers 503 problem+json quickly while it is down, and serves again once it is back', async () => {
    server = await startThrowawayPostgres();
    app = await spawnServer(dir, { DATABASE_URL: server.url, RATE_LIMIT_WRITES_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' });
    const ada = await signUpOverHttp(app.url, 'Restart Ada', 'ada@example.com');
    const post = (n: number) => callAs(app!.url, ada, 'POST', '/posts', { text: `before and after the restart ${n}`, visibility: 'members' });
    expect((await post(0)).status).toBe(201);

    server.stop();
    const outage: { status: number; type: string | null; code: unknown; ms: number }[] = [];
    for (let n = 1; n <= 6; n++) {
      const t = performance.now();
      const res = n % 2 ? await post(n) : await callAs(app.url, ada, 'GET', `/members/${ada.handle}`);
      const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
      outage.push({ status: res.status, type: res.headers.get('content-type'), code: body?.code, ms: performance.now() - t });
    }
    for (const r of outage) {
      expect(r, JSON.stringify(outage)).toMatchObject({ status: 503, code: 'database_unavailable' });
      expect(r.type).toMatch(/^application\/problem\+json/);
      expect(r.ms).toBeLessThan(5_000);
    }

    server.start();
    // Service resumes unaided: the pool reconnects on its own.
    const deadline = performance.now() + 30_000;
    let status = 0;
    for (let n = 10; status !== 201; n++) {
      status = (await post(n)).status;
      if (performance.now() > deadline) break;
      await sleep(200);
    }
    expect(status).toBe(201);
    expect(app.child.exitCode).toBeNull();
  }, 240_000);
});
