import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { onServer, serverUrl } from '../engines.ts';
import { callAs, signUpOverHttp } from '../spawned-server.ts';
import { databaseUrl } from '../template-database.ts';
import { type Answer, FaultKit, metric, timedAnswer } from './fault-kit.ts';
import { type SlowProxy, startSlowProxy } from './slow-proxy.ts';

/**
 * Issue 16: a slow database. The app process reaches PostgreSQL through a proxy that, once switched on, holds
 * every chunk DELAY_MS each way, so each statement takes seconds to answer. Requests keep arriving at a steady
 * rate whatever the answers (an open loop, as real clients do). While slow, every request is answered within
 * a bound (the acquire or statement timeout plus a little) with 503 problem+json, the requests in flight and
 * the pool's waiters stay bounded, and the server's memory stays flat; once the delay is off, the same process
 * serves 200s again without help. FAULT_SLOW_SECONDS sets how long the database stays slow: 8 s by default
 * (CI), 60 s under `npm run test:faults`.
 */
const SLOW_SECONDS = Number(process.env.FAULT_SLOW_SECONDS || 8);
const RATE = 25; // requests a second while slow
const DELAY_MS = 3_000;
const STATEMENT_MS = 2_000;
const ACQUIRE_MS = 1_000;
/**
 * A signed-in request asks the pool up to three times before its route runs (the address budget, the failure
 * budget, the session; the first two let the request through when the database does not answer), each waiting
 * at most ACQUIRE_MS for a connection, or the statement deadline (statement_timeout + 1 s) once it has one.
 */
const WAITS_PER_REQUEST = 3;
/** The longest any answer may take: two acquire waits and a statement deadline, and slack for a busy machine. */
const ANSWER_BOUND_MS = (WAITS_PER_REQUEST - 1) * ACQUIRE_MS + STATEMENT_MS + 1_000 + 3_000;
const METRICS_TOKEN = randomBytes(24).toString('hex');
const database = `rapport_slow_${randomBytes(4).toString('hex')}`;

const kit = new FaultKit();
let proxy: SlowProxy | undefined;
afterAll(async () => {
  await kit.cleanUp();
  await proxy?.close();
  if (serverUrl) await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe.runIf(serverUrl)('a slow database [postgres]', () => {
  it(`answers 503 database_timeout within ${ANSWER_BOUND_MS} ms while statements are slow, piles nothing up, and serves again once they are fast (${SLOW_SECONDS} s slow)`, async () => {
    await onServer(`CREATE DATABASE ${database}`);
    const target = new URL(serverUrl!);
    proxy = await startSlowProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(databaseUrl(serverUrl!, database));
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const app = await kit.spawn(kit.scratchDir('slowdb'), {
      DATABASE_URL: viaProxy.toString(),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
      DATABASE_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS),
      METRICS_TOKEN,
      RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
      GRAPH_SNAPSHOT_MINUTES: '0',
    });
    const ada = await signUpOverHttp(app.url, 'Slow Ada', 'ada@example.com');
    let n = 0;
    const request = () =>
      n++ % 2 ? callAs(app.url, ada, 'POST', '/posts', { text: `slow database post ${n} ${randomBytes(6).toString('hex')}`, visibility: 'members' }) : callAs(app.url, ada, 'GET', `/members/${ada.handle}`);
    for (let i = 0; i < 20; i++) expect((await request()).status).toBeLessThan(300);
    const rss = () => metric(app.url, METRICS_TOKEN, 'process_resident_memory_bytes');
    const rssBefore = await rss();

    // Slow: an open loop of RATE requests a second for SLOW_SECONDS.
    proxy.delayMs = DELAY_MS;
    const slowStarted = performance.now();
    const answers: Answer[] = [];
    const failures: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let maxWaiting = 0;
    const running: Promise<void>[] = [];
    const sampler = (async () => {
      while (performance.now() - slowStarted < SLOW_SECONDS * 1000) {
        maxWaiting = Math.max(maxWaiting, await metric(app.url, METRICS_TOKEN, 'rapport_db_pool_waiting'));
        await sleep(500);
      }
    })();
    while (performance.now() - slowStarted < SLOW_SECONDS * 1000) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      running.push(
        timedAnswer(request)
          .then((a) => void answers.push(a))
          .catch((err: unknown) => void failures.push(String(err)))
          .finally(() => inFlight--),
      );
      await sleep(1000 / RATE);
    }
    await Promise.all(running);
    await sampler;
    const rssSlow = await rss();
    proxy.delayMs = 0;

    // Fast again: the same process serves without help (its pool reconnects as it needs).
    const resumeStarted = performance.now();
    let resumed = 0;
    for (let ok = 0; ok < 10; ) {
      const status = (await request()).status;
      ok = status < 300 ? ok + 1 : 0;
      if (performance.now() - resumeStarted > 30_000) throw new Error(`still ${status} 30 s after the database is fast again`);
      if (ok === 1 && !resumed) resumed = performance.now() - resumeStarted;
    }
    const rssAfter = await rss();

    expect(failures, 'requests without an answer').toEqual([]);
    const slowest = Math.max(...answers.map((a) => a.ms));
    const refused = answers.filter((a) => a.status === 503);
    const codes = [...new Set(answers.map((a) => `${a.status} ${String(a.code ?? '')}`))];
    for (const a of answers) {
      expect(a.status === 503 || a.status < 300, `answers seen: ${codes.join(', ')}`).toBe(true);
      if (a.status === 503) {
        expect(a.type).toMatch(/^application\/problem\+json/);
        expect(['database_timeout', 'database_unavailable']).toContain(a.code);
        expect(a.retryAfter).toBe('5');
      }
    }
    expect(refused.length, 'requests refused while slow').toBeGreaterThan(answers.length / 2);
    expect(slowest, 'slowest answer while slow (ms)').toBeLessThan(ANSWER_BOUND_MS);
    // An open loop for as long as the slowest answer, and no more: nothing queues past the timeouts.
    expect(maxInFlight).toBeLessThanOrEqual(Math.ceil((RATE * ANSWER_BOUND_MS) / 1000));
    expect(maxWaiting).toBeLessThanOrEqual(Math.ceil((RATE * (WAITS_PER_REQUEST * ACQUIRE_MS + 1000)) / 1000));
    expect(rssSlow - rssBefore, 'RSS growth while slow').toBeLessThan(150 * 1024 * 1024);
    expect(app.child.exitCode).toBeNull();

    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    const counts = new Map<string, number>();
    for (const a of answers) counts.set(`${a.status} ${String(a.code ?? '')}`.trim(), (counts.get(`${a.status} ${String(a.code ?? '')}`.trim()) ?? 0) + 1);
    const byCode = [...counts].map(([k, v]) => `${v} × ${k}`);
    const fastest503 = Math.min(...refused.map((a) => a.ms));
    const median503 = refused.map((a) => a.ms).sort((x, y) => x - y)[Math.floor(refused.length / 2)] ?? 0;
    console.info(
      `slow-database: ${SLOW_SECONDS} s at +${DELAY_MS} ms per chunk, ${answers.length} requests at ${RATE}/s → ${byCode.join(', ')}; ` +
        `time to 503 min ${fastest503.toFixed(0)} / median ${median503.toFixed(0)} / max ${slowest.toFixed(0)} ms; ` +
        `in flight at most ${maxInFlight}, pool waiters at most ${maxWaiting}; RSS ${mb(rssBefore)} before, ${mb(rssSlow)} slow, ${mb(rssAfter)} after; ` +
        `first 2xx ${resumed.toFixed(0)} ms after the delay was switched off`,
    );
  }, 240_000);
});
