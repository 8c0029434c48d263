import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import { type Database, openDatabase } from './connection.ts';
import { PriorityLane, withDbPriority } from './priority-lane.ts';

// A read that keeps PGlite busy for a while, so a backlog of them is a real queue on its one connection.
const slowRead = sql`SELECT count(*) FROM generate_series(1, 20000)`;

describe('the priority lane in front of embedded PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase(testConfig());
  });
  afterAll(() => database?.close());

  it('runs a high-priority query before the ordinary reads queued ahead of it', async () => {
    const finished: string[] = [];
    const reads = Array.from({ length: 20 }, (_, i) => database.db.execute(slowRead).then(() => finished.push(`read ${i}`)));
    const urgent = withDbPriority('high', async () => await database.db.execute(sql`SELECT 1`)).then(() => finished.push('high'));
    await Promise.all([...reads, urgent]);
    // The first read had already started; the high-priority query takes the very next turn.
    expect(finished.slice(0, 2)).toEqual(['read 0', 'high']);
    expect(finished.slice(2)).toEqual(Array.from({ length: 19 }, (_, i) => `read ${i + 1}`));
  });

  it('lets the event loop turn between two queries of a backlog', async () => {
    let finished = 0;
    const reads = Array.from({ length: 30 }, () => database.db.execute(slowRead).then(() => finished++));
    // Without the lane the backlog drains as one chain of microtasks and this fires after all 30.
    const seenByTheLoop = await new Promise<number>((resolve) => setImmediate(() => resolve(finished)));
    await Promise.all(reads);
    expect(seenByTheLoop).toBeLessThanOrEqual(1);
  });

  it('keeps a transaction whole: a high-priority query waits for it and sees all of its rows', async () => {
    await database.db.execute(sql`CREATE TABLE lane_test (n int)`);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const firstInsert = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO lane_test VALUES (1)`);
      inserted();
      await gate;
      await tx.execute(sql`INSERT INTO lane_test VALUES (2)`);
    });
    await firstInsert;
    const events: string[] = [];
    const count = withDbPriority('high', async () => await database.db.execute(sql`SELECT count(*)::int AS n FROM lane_test`)).then((r) => {
      events.push('count');
      return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
    });
    await new Promise((resolve) => setImmediate(resolve));
    events.push('released');
    release();
    await transaction;
    expect(await count).toBe(2);
    expect(events).toEqual(['released', 'count']);
  });
});

describe('PriorityLane', () => {
  it('serves high before normal, each in arrival order, one task at a time', async () => {
    const lane = new PriorityLane();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(name);
      running--;
      return name;
    };
    const all = [
      lane.run('normal', task('n1')),
      lane.run('normal', task('n2')),
      lane.run('high', task('h1')),
      lane.run('normal', task('n3')),
      lane.run('high', task('h2')),
    ];
    expect(await Promise.all(all)).toEqual(['n1', 'n2', 'h1', 'n3', 'h2']);
    expect(order).toEqual(['n1', 'h1', 'h2', 'n2', 'n3']);
    expect(most).toBe(1);
    expect(lane.started).toEqual({ high: 2, normal: 3 });
    expect(lane.waiting).toBe(0);
  });

  it('passes a failure to its caller and carries on with the next task', async () => {
    const lane = new PriorityLane();
    const failing = lane.run('normal', async () => {
      throw new Error('boom');
    });
    const throwing = lane.run('normal', () => {
      throw new Error('thrown before any promise');
    });
    const after = lane.run('normal', async () => 'still served');
    await expect(failing).rejects.toThrow('boom');
    await expect(throwing).rejects.toThrow('thrown before any promise');
    await expect(after).resolves.toBe('still served');
  });
});
