import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttemptLog } from '../auth/attempt-log.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { PURGE_PLAN } from '../commands/deletion/purge-plan.ts';
import { engines, openTestDatabase } from '../test/engines.ts';
import { DatabaseAttempts, sweepAuthAttempts } from './auth-attempts.ts';
import { type Database, rows } from './connection.ts';

const keys = async (database: Database) => (await rows<{ key: string }>(database.db, sql`SELECT key FROM auth_attempts ORDER BY key`)).map((r) => r.key);

for (const engine of engines()) {
  describe(`the authentication throttles' attempts on the database [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine, { migrated: true }));
    }, 180_000);
    afterAll(() => drop());

    it('counts attempts within the window by the database clock, and forgets a key that is cleared', async () => {
      const log = new AttemptLog(60_000, { keepPerKey: 5, backend: new DatabaseAttempts(database.db), name: 'emails' });
      expect(await log.retryAfter('reset:a@example.com', 2)).toBe(0);
      await log.record('reset:a@example.com');
      await log.record('reset:a@example.com');
      expect(await log.count('reset:a@example.com')).toBe(2);
      const wait = await log.retryAfter('reset:a@example.com', 2);
      expect(wait).toBeGreaterThan(55);
      expect(wait).toBeLessThanOrEqual(60);
      // Another log's keys are its own, even with the same key.
      expect(await new AttemptLog(60_000, { keepPerKey: 5, backend: new DatabaseAttempts(database.db), name: 'other' }).count('reset:a@example.com')).toBe(0);
      await log.clear('reset:a@example.com');
      expect(await log.count('reset:a@example.com')).toBe(0);
    });

    it('keeps the sign-in throttle’s rules: a known address keeps its budget while the account is attacked', async () => {
      const t = new LoginThrottle(4, 60_000, Date.now, { backend: new DatabaseAttempts(database.db), name: 'sign-in' });
      await t.recordSuccess('b@example.com', '203.0.113.5');
      for (let i = 0; i < 4; i++) await t.recordFailure('b@example.com', `198.51.100.${i}`);
      for (let i = 0; i < t.strictPairLimit; i++) await t.recordFailure('b@example.com', '192.0.2.1');
      expect(await t.retryAfter('b@example.com', '192.0.2.1')).toBeGreaterThan(0);
      expect(await t.retryAfter('b@example.com', '203.0.113.5')).toBe(0);
    });

    it('sweeps what no window reaches, and the purge of a member removes exactly their keys', async () => {
      await database.db.execute(sql`INSERT INTO auth_attempts (key, at) VALUES ('emails:reset:old@example.com', now() - interval '3 days'), ('sign-in-known:pair:old@example.com|1.2.3.4', now() - interval '3 days')`);
      await sweepAuthAttempts(database.db);
      expect(await keys(database)).not.toContain('emails:reset:old@example.com');
      expect(await keys(database)).toContain('sign-in-known:pair:old@example.com|1.2.3.4');

      const backend = new DatabaseAttempts(database.db);
      for (const key of ['sign-in:pair:jo_e@example.com|1.2.3.4', 'sign-in-known:pair:jo_e@example.com|1.2.3.4', 'emails:reset:jo_e@example.com', 'password-change:pair:member:77|1.2.3.4', 'emails:confirmation:77', 'emails:reset:joXe@example.com', 'emails:confirmation:771']) {
        await backend.record(key);
      }
      const entry = PURGE_PLAN.find((e) => e.table === 'auth_attempts')!;
      for (const statement of entry.statements!({ id: 77, email: 'jo_e@example.com' })) await database.db.execute(statement);
      const left = await keys(database);
      expect(left.filter((k) => k.includes('jo_e@') || k.includes('member:77|') || k.endsWith(':77'))).toEqual([]);
      // Look-alikes stay: `_` is not a wildcard here, and 771 is someone else.
      expect(left).toEqual(expect.arrayContaining(['emails:reset:joXe@example.com', 'emails:confirmation:771']));
    });
  });
}
