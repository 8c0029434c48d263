import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../test/engines.ts';
import { type Database, rows } from './connection.ts';
import { incrementCounter, readCounter, sweepRateLimitCounters } from './rate-limit-counters.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of engines()) {
  describe(`the rate limits' counters on the database [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine, { migrated: true }));
    }, 180_000);
    afterAll(() => drop());

    it('counts within a window that starts at the first request, and starts a new one once it has ended', async () => {
      const { db } = database;
      const first = await incrementCounter(db, 'window', 2_000);
      expect(first.current).toBe(1);
      expect(first.ttl).toBeGreaterThan(0);
      expect(first.ttl).toBeLessThanOrEqual(2_000);
      expect((await incrementCounter(db, 'window', 2_000)).current).toBe(2);
      expect((await incrementCounter(db, 'window', 2_000)).current).toBe(3);
      await sleep(2_100);
      const next = await incrementCounter(db, 'window', 2_000);
      expect(next.current).toBe(1);
      expect(next.ttl).toBeGreaterThan(1_000);
    });

    it('reads a window without counting, and reads nothing for an unknown or ended one', async () => {
      const { db } = database;
      await incrementCounter(db, 'peek', 60_000);
      await incrementCounter(db, 'peek', 60_000);
      expect(await readCounter(db, 'peek')).toMatchObject({ current: 2 });
      expect(await readCounter(db, 'peek')).toMatchObject({ current: 2 });
      expect(await readCounter(db, 'never-seen')).toEqual({ current: 0, ttl: 0 });
      await incrementCounter(db, 'short', 50);
      await sleep(80);
      expect(await readCounter(db, 'short')).toEqual({ current: 0, ttl: 0 });
    });

    it('loses no count when many requests arrive at once', async () => {
      const counts = await Promise.all(Array.from({ length: 40 }, () => incrementCounter(database.db, 'together', 60_000)));
      expect(counts.map((c) => c.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('sweeps only the windows that have ended', async () => {
      const { db } = database;
      await incrementCounter(db, 'ended', 20);
      await incrementCounter(db, 'open', 60_000);
      await sleep(50);
      expect(await sweepRateLimitCounters(db)).toBeGreaterThanOrEqual(1);
      const left = await rows<{ key: string }>(db, sql`SELECT key FROM rate_limit_counters ORDER BY key`);
      expect(left.map((r) => r.key)).toContain('open');
      expect(left.map((r) => r.key)).not.toContain('ended');
    });

    it('is an UNLOGGED table: counters are not worth the WAL', async () => {
      const [table] = await rows<{ persistence: string }>(database.db, sql`SELECT relpersistence AS persistence FROM pg_class WHERE oid = 'rate_limit_counters'::regclass`);
      expect(table?.persistence).toBe('u');
    });
  });
}
