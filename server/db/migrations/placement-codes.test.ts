import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedReason } from '../../../common/reasons.ts';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const upTo = migrations.findIndex((m) => m.name === '20261220-0018-placement-codes');
const before = migrations.slice(0, upTo);

// Withdrawn, so one pair can hold them all (only open invitations are unique per pair).
/** Placements as the code before this migration wrote them, word for word, then a rule's and an empty one. */
const CODED = [
  'Held by the platform: risk 82 of 100',
  "Held by the platform: the sender's account is under review",
  'Put in Other by the platform: the sender is flagged',
  'Put in Other by the platform: risk 57 of 100',
  'Open policy: accepted automatically',
  'Manual policy: everything waits in the inbox',
  'No rule matched → Inbox',
  'No rule matched → Other',
  'No rule matched → accepted automatically',
  'Released by the operators after review',
  'Not delivered: the recipient answered "I don\'t know this person" to an earlier invitation from this sender',
];
const RULE = 'Rule 2: a note and at least 2 mutual connections → Inbox';

for (const engine of engines()) {
  describe(`placement codes migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db, before);
      await database.db.execute(sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana'), ('b@example.com', 'bo')`);
      for (const placement of [...CODED, RULE, '']) {
        await database.db.execute(sql`INSERT INTO invitations (sender_id, recipient_id, context, status, expires_at, placement)
          SELECT a.id, b.id, 'profile', 'withdrawn', now() + interval '1 day', ${placement} FROM members a, members b WHERE a.handle = 'ana' AND b.handle = 'bo'`);
      }
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    it('gives every placement written before a code and parameters that render the very sentence the recipient read', async () => {
      const found = await rows<{ placement: { code: string; params: Record<string, string | number | string[]> } | null }>(
        database.db,
        sql`SELECT placement FROM invitations ORDER BY id`,
      );
      const coded = found.slice(0, CODED.length).map((r) => r.placement!);
      expect(coded.map((p) => storedReason(p.code, p.params).text)).toEqual(CODED);
      expect(coded.map((p) => p.code)).not.toContain('placement.other');
      expect(coded[0]).toEqual({ code: 'placement.held', params: { risk: 82 } });
      expect(coded[3]).toEqual({ code: 'placement.other_risk', params: { risk: 57 } });
      // A rule's words stay as they were, under the generic code; an invitation never screened has none.
      expect(found[CODED.length]?.placement).toEqual({ code: 'placement.other', params: { message: RULE } });
      expect(found[CODED.length + 1]?.placement).toBeNull();
    });
  });
}
