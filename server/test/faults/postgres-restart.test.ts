import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { callAs, signUpOverHttp } from '../spawned-server.ts';
import { type Answer, FaultKit, timedAnswer } from './fault-kit.ts';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * Issue 16: PostgreSQL stopped and started again under an app process that keeps running. While the
 * database is down, requests fail fast (within 5 s each) with 503 problem+json and a stable code; once it is
 * back, the same process serves again without being restarted.
 */
let server: ThrowawayPostgres | undefined;
const kit = new FaultKit();
afterAll(async () => {
  await kit.cleanUp();
  server?.remove();
});

describe.runIf(postgresBinaries)('PostgreSQL restarted during traffic [postgres]', () => {
  it('answers 503 problem+json quickly while it is down, and serves again once it is back', async () => {
    server = await startThrowawayPostgres();
    const app = await kit.spawn(kit.scratchDir('pgrestart'), { DATABASE_URL: server.url, RATE_LIMIT_WRITES_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' });
    const ada = await signUpOverHttp(app.url, 'Restart Ada', 'ada@example.com');
    const post = (n: number) => callAs(app.url, ada, 'POST', '/posts', { text: `before and after the restart ${n}`, visibility: 'members' });
    expect((await post(0)).status).toBe(201);

    server.stop();
    const outage: Answer[] = [];
    for (let n = 1; n <= 6; n++) outage.push(await timedAnswer(() => (n % 2 ? post(n) : callAs(app.url, ada, 'GET', `/members/${ada.handle}`))));
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
