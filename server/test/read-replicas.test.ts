/**
 * Read replicas (docs/operations.md, "Read replicas") against a real primary and a streaming replica that
 * this file starts on loopback (server/test/streaming-replica.ts). Replay is paused on the replica to make
 * it visibly behind: what a route answers then shows which database it read.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type ReplicaConfig, testConfig } from '../config.ts';
import type { ReplicaSet } from '../db/replicas/replica-set.ts';
import { READ_YOUR_WRITES_COOKIE } from '../http/read-db.ts';
import { asMember, type Member, readMetrics, signUp } from './client.ts';
import { startStreamingPair, type StreamingPair, streamingBinaries } from './streaming-replica.ts';

/** Read-your-writes in the apps of the first test: long enough for a few requests on a busy machine. */
const RYW_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function metric(text: string, name: string, labels: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? null : Number(line.split(' ').pop());
}

describe.runIf(streamingBinaries)('read replicas, against a primary and a streaming replica on loopback', () => {
  let pair: StreamingPair | null = null;
  const apps: FastifyInstance[] = [];

  /** An app over the pair: `replicas` here are set directly, outside the start-up rule that keeps read-your-writes over the lag allowed. */
  async function appWith(replicas: Omit<ReplicaConfig, 'urls'>): Promise<FastifyInstance> {
    const app = await buildApp(testConfig({ database: { kind: 'postgres', url: pair!.primaryUrl, replicas: { urls: [pair!.replicaUrl], ...replicas } } }), { background: false });
    apps.push(app);
    return app;
  }
  const replicasOf = (app: FastifyInstance): ReplicaSet => app.ctx.database.replicas!;
  const on = (app: FastifyInstance, m: Member, extraCookie = ''): Member => asMember(app, { ...m, cookie: m.cookie + extraCookie });
  const feedTexts = async (m: Member) => {
    const res = await m.call('GET', '/api/v1/feed');
    expect(res.statusCode).toBe(200);
    return res.json<{ items: { text: string }[] }>().items.map((p) => p.text);
  };
  const directoryHandles = async (m: Member) => {
    const res = await m.call('GET', '/api/v1/members?limit=50');
    expect(res.statusCode).toBe(200);
    return res.json<{ items: { handle: string }[] }>().items.map((p) => p.handle);
  };

  // Two apps as two processes behind a proxy: A's lag check runs once at start and then only every minute,
  // so what happens before a check notices (a read-your-writes cookie, a replica gone) is deterministic.
  let a: FastifyInstance;
  let a2: FastifyInstance;
  let ana: Member;
  let ben: Member;

  beforeAll(async () => {
    pair = await startStreamingPair();
    const slowChecks = { maxLagMs: 60_000, checkIntervalMs: 60_000, readYourWritesMs: RYW_MS };
    a = await appWith(slowChecks);
    a2 = await appWith(slowChecks);
    ana = await signUp(a, 'Ana Primary');
    ben = await signUp(a, 'Ben Replica');
    expect((await ben.call('PUT', `/api/v1/members/${ana.handle}/follow`)).statusCode).toBeLessThan(300);
    await pair.caughtUp();
    // Both apps checked their replica at start; nothing was behind then.
    for (const app of [a, a2]) await replicasOf(app).check();
    expect(replicasOf(a).status()[0]).toMatchObject({ index: 0, inRotation: true, reason: null });
    await sleep(RYW_MS + 100); // Ben's follow no longer keeps his reads on the primary
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await pair?.stop();
  }, 60_000);

  it('reads a marked route from the replica; the author reads their own write from the primary at once, and another process too with the cookie', async () => {
    await pair!.replica.query('SELECT pg_wal_replay_pause()');
    try {
      const post = await ana.call('POST', '/api/v1/posts', { text: 'Written while the replica is paused' });
      expect(post.statusCode).toBe(201);
      const carl = await signUp(a, 'Carl Newcomer');

      // Ben reads the replica: neither the post nor the new member is there yet.
      expect(await feedTexts(ben)).not.toContain('Written while the replica is paused');
      expect(await directoryHandles(ben)).not.toContain(carl.handle);
      // Ana wrote just now: this process reads her the primary.
      expect(await feedTexts(ana)).toContain('Written while the replica is paused');
      expect(await directoryHandles(ana)).toContain(carl.handle);
      // In another process, the cookie alone sends reads to the primary (Ben carries it here: he wrote nothing).
      const cookie = post.cookies.find((c) => c.name === READ_YOUR_WRITES_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(await feedTexts(on(a2, ben))).not.toContain('Written while the replica is paused');
      expect(await feedTexts(on(a2, ben, `; ${READ_YOUR_WRITES_COOKIE}=${cookie!.value}`))).toContain('Written while the replica is paused');
      // A made-up moment far off is not obeyed.
      expect(await feedTexts(on(a2, ben, `; ${READ_YOUR_WRITES_COOKIE}=${Date.now() + 86_400_000}`))).not.toContain('Written while the replica is paused');
      // Ana herself, without the cookie: the other process hears of her write through the outbox follower too
      // (an event with her as its actor), and reads her from the primary.
      await until('her post, for her, through the other process', async () => (await feedTexts(on(a2, ana))).includes('Written while the replica is paused'));

      const metrics = (await readMetrics(a)).body;
      expect(metric(metrics, 'rapport_replica_route_reads_total', 'db="replica"')).toBeGreaterThanOrEqual(2);
      expect(metric(metrics, 'rapport_replica_route_reads_total', 'db="primary"')).toBeGreaterThanOrEqual(2);

      // The window over, Ana reads the replica like everyone else.
      await sleep(RYW_MS + 100);
      expect(await feedTexts(ana)).not.toContain('Written while the replica is paused');
    } finally {
      await pair!.replica.query('SELECT pg_wal_replay_resume()');
    }
    await until('the post on the replica', async () => (await feedTexts(ben)).includes('Written while the replica is paused'));
  });

  it('takes a replica out of the rotation while it lags past REPLICA_MAX_LAG_MS, reads the primary meanwhile, and takes it back once caught up', async () => {
    const b = await appWith({ maxLagMs: 300, checkIntervalMs: 100, readYourWritesMs: 500 });
    const benOnB = on(b, ben);
    await until('the replica in rotation', () => replicasOf(b).status()[0]!.inRotation);
    expect(metric((await readMetrics(b)).body, 'rapport_replica_in_rotation', 'replica="0"')).toBe(1);

    await pair!.replica.query('SELECT pg_wal_replay_pause()');
    try {
      const post = await ana.call('POST', '/api/v1/posts', { text: 'Written while the replica lags' });
      expect(post.statusCode).toBe(201);
      await until('the replica out of rotation', () => !replicasOf(b).status()[0]!.inRotation);
      expect(replicasOf(b).status()[0]!.reason).toMatch(/^lag \d+ ms over 300 ms$/);
      const metrics = (await readMetrics(b)).body;
      expect(metric(metrics, 'rapport_replica_in_rotation', 'replica="0"')).toBe(0);
      expect(metric(metrics, 'rapport_replica_lag_seconds', 'replica="0"')).toBeGreaterThan(0.3);
      // Ben did not write, yet reads fresh: with no replica in rotation, from the primary.
      expect(await feedTexts(benOnB)).toContain('Written while the replica lags');
    } finally {
      await pair!.replica.query('SELECT pg_wal_replay_resume()');
    }
    await until('the replica back in rotation', () => replicasOf(b).status()[0]!.inRotation);
    expect(metric((await readMetrics(b)).body, 'rapport_replica_in_rotation', 'replica="0"')).toBe(1);
    expect(await feedTexts(benOnB)).toContain('Written while the replica lags');
  });

  it('answers every replica-read route from the primary when the replica is stopped, before and after a check notices', async () => {
    pair!.stopReplica();
    // A has not checked since: its next read goes to the replica, fails, and is answered by the primary.
    const reads = ['/api/v1/feed', '/api/v1/members', `/api/v1/members/${ana.handle}`, '/api/v1/search/members?q=Ana'];
    for (const url of reads) expect((await ben.call('GET', url)).statusCode, url).toBe(200);
    expect(await feedTexts(ben)).toContain('Written while the replica lags');
    expect(replicasOf(a).status()[0]).toMatchObject({ inRotation: false, lagMs: null });
    expect(replicasOf(a).status()[0]!.reason).toMatch(/^read failed/);
    expect(metric((await readMetrics(a)).body, 'rapport_replica_fallbacks_total', 'replica="0"')).toBeGreaterThanOrEqual(1);
    // A check finds it down too, and keeps it out.
    await replicasOf(a).check();
    expect(replicasOf(a).status()[0]!.inRotation).toBe(false);
    for (const url of reads) expect((await ben.call('GET', url)).statusCode, url).toBe(200);
  });
});
