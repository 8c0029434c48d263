/**
 * Health checks and sign-in under a backlog of reads on embedded PGlite, whose one connection serves every
 * query in turn: they must not wait for the backlog (server/db/priority-lane.ts).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { type Database, openDatabase } from '../../db/connection.ts';
import { readMetrics, STRONG_PASSWORD, signUp } from '../../test/client.ts';

const BACKLOG = 60;
// Each read keeps the database busy for a while, as a heavy search or network page does.
const heavyRead = sql`SELECT count(*) FROM generate_series(1, 50000)`;

describe('health and sign-in behind a backlog of reads [pglite]', () => {
  let app: FastifyInstance;
  let database: Database;
  let email: string;
  beforeAll(async () => {
    const config = testConfig();
    database = await openDatabase(config);
    app = await buildApp(config, { database, background: false });
    email = (await signUp(app, 'Priya Probe')).email;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Queues the backlog, then sends the request: how many reads had finished when it was answered, and its status. */
  async function behindBacklog(send: () => Promise<{ statusCode: number }>): Promise<{ readsDone: number; status: number }> {
    let done = 0;
    const reads = Array.from({ length: BACKLOG }, () => database.db.execute(heavyRead).then(() => done++));
    const res = await send();
    const readsDone = done;
    await Promise.all(reads);
    return { readsDone, status: res.statusCode };
  }

  it('answers /healthz without waiting for the backlog', async () => {
    const { readsDone, status } = await behindBacklog(() => app.inject({ method: 'GET', url: '/healthz' }));
    expect(status).toBe(200);
    // First come, first served, it was answered only after all of them.
    expect(readsDone).toBeLessThan(BACKLOG / 2);
  });

  it('answers /readyz, which asks the database, before the backlog', async () => {
    const { readsDone, status } = await behindBacklog(() => app.inject({ method: 'GET', url: '/readyz' }));
    expect(status).toBe(200);
    expect(readsDone).toBeLessThan(BACKLOG / 2);
  });

  it('signs a member in before the backlog', async () => {
    const { readsDone, status } = await behindBacklog(() =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } }),
    );
    expect(status).toBe(200);
    expect(readsDone).toBeLessThan(BACKLOG / 2);
  });

  it('answers /readyz 503 "database busy" when the database stays busy past the deadline, instead of hanging', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    // A transaction holds the one connection until it ends.
    const held = database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      begun();
      await gate;
    });
    await started;
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    release();
    await held;
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'database busy' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('reports the database queue in /metrics', async () => {
    const metrics = await readMetrics(app);
    expect(metrics.body).toMatch(/^rapport_db_queue_waiting 0$/m);
  });
});
