import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { jobs as migration } from './20261224-0024-jobs.ts';
import { migrations } from './index.ts';

for (const engine of engines()) {
  describe(`jobs migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let ana: number;
    let bo: number;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      // The schema as it was before, with what an instance had then: members, a session, emails waiting.
      await migrate(
        database.db,
        migrations.filter((m) => m !== migration),
      );
      const found = await rows<{ id: number; handle: string }>(
        database.db,
        sql`INSERT INTO members (email, handle, created_at) VALUES ('a@example.com', 'ana', now() - interval '30 days'), ('b@example.com', 'bo', now() - interval '30 days') RETURNING id, handle`,
      );
      ana = found.find((r) => r.handle === 'ana')!.id;
      bo = found.find((r) => r.handle === 'bo')!.id;
      await database.db.execute(sql`INSERT INTO sessions (id_hash, member_id, csrf_token, created_at, expires_at) VALUES ('h1', ${ana}, 'c', now() - interval '2 days', now() + interval '1 day')`);
      await database.db.execute(sql`INSERT INTO email_outbox (to_address, subject, text_body, status, attempts) VALUES
        ('a@example.com', 'waiting', 'x', 'pending', 2), ('b@example.com', 'sent', 'x', 'sent', 1), ('c@example.com', 'given up', 'x', 'failed', 5)`);
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    it('is registered after the content moderation migration', () => {
      const names = migrations.map((m) => m.name);
      expect(names.indexOf('20261224-0024-jobs')).toBe(names.indexOf('20261224-0023-content-moderation') + 1);
    });

    it('moves the emails still waiting onto the queue, keeping their attempts', async () => {
      const found = await rows<{ kind: string; subject: string; attempts: number; status: string }>(
        database.db,
        sql`SELECT j.kind, e.subject, j.attempts, j.status FROM jobs j JOIN email_outbox e ON e.id = (j.payload ->> 'emailId')::int`,
      );
      expect(found).toEqual([{ kind: 'email.send', subject: 'waiting', attempts: 2, status: 'queued' }]);
    });

    it('fills in when members were last seen from what the tables knew, and requires it from then on', async () => {
      const seen = await rows<{ handle: string; days: number }>(
        database.db,
        sql`SELECT handle, round(extract(epoch FROM now() - last_seen_at) / 86400)::int AS days FROM members ORDER BY handle`,
      );
      expect(seen).toEqual([
        { handle: 'ana', days: 2 },
        { handle: 'bo', days: 30 },
      ]);
      const [fresh] = await rows<{ days: number }>(
        database.db,
        sql`INSERT INTO members (email, handle) VALUES ('c@example.com', 'cy') RETURNING round(extract(epoch FROM now() - last_seen_at) / 86400)::int AS days`,
      );
      expect(fresh!.days).toBe(0);
      await expect(database.db.execute(sql`UPDATE members SET last_seen_at = NULL WHERE id = ${bo}`)).rejects.toThrow();
    });

    it('refuses a job the queue could not run', async () => {
      await expect(database.db.execute(sql`INSERT INTO jobs (kind, status) VALUES ('x', 'lost')`)).rejects.toThrow();
      await expect(database.db.execute(sql`INSERT INTO jobs (kind, max_attempts) VALUES ('x', 0)`)).rejects.toThrow();
      await database.db.execute(sql`INSERT INTO jobs (kind, unique_key) VALUES ('x', 'k')`);
      await expect(database.db.execute(sql`INSERT INTO jobs (kind, unique_key) VALUES ('x', 'k')`)).rejects.toThrow();
    });
  });
}
