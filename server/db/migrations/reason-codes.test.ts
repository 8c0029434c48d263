import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedReason } from '../../../common/reasons.ts';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const before = migrations.slice(0, migrations.findIndex((m) => m.name === '20261217-0015-reason-codes'));

/** Notices as the code before this migration wrote them, word for word, and one it never wrote. */
const LEGACY: [string, string][] = [
  ['restriction', 'Your new account is waiting for a review by the operators of this community, because of how it was registered. Until then, you cannot send invitations.'],
  ['lifted', 'An operator has reviewed your account. The restrictions on new accounts no longer apply to you.'],
  ['lifted', 'The restriction on your invitations has ended: you can send invitations again.'],
  ['role', 'An operator made you an operator of this community. The Admin page is in your account menu.'],
  ['role', 'An operator made you a member again: you are no longer an operator of this community.'],
  ['warning', 'An operator of this community has warned you. Reason: Keep it civil.\nSecond line. Reason: none'],
  ['restriction', 'An operator has restricted your invitations for 1 day: you cannot send new invitations until the restriction ends. Reason: Pitches'],
  ['restriction', 'An operator has restricted your invitations for 30 days: you cannot send new invitations until the restriction ends. Reason: Spam'],
  ['restriction', 'An operator has restricted your invitations: you cannot send new invitations until an operator lifts this restriction. Reason: Spam wave'],
  ['lifted', 'An operator lifted the restriction on your invitations. Reason: They apologised'],
  ['lifted', 'An operator lifted the review hold on your account, the limits on new accounts and the restriction on your invitations. Reason: Known to us'],
  ['warning', 'Something an operator wrote by hand in the database.'],
];

for (const engine of engines()) {
  describe(`reason codes migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db, before);
      await database.db.execute(sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana')`);
      for (const [kind, message] of LEGACY) {
        await database.db.execute(sql`INSERT INTO member_notices (member_id, kind, message) SELECT id, ${kind}, ${message} FROM members`);
      }
      await database.db.execute(sql`INSERT INTO signup_events (member_id, email_domain, risk, reasons)
        SELECT id, 'example.com', 40, '["The email address is at a disposable-mail domain (x.test)."]'::jsonb FROM members`);
      await database.db.execute(sql`INSERT INTO moderation_flags (kind, member_ids, score, reasons)
        SELECT 'reports', ARRAY[id], 60, '["3 open reports from different members (spam × 3).", "A second sentence."]'::jsonb FROM members`);
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    it('gives every notice written before a code and parameters that render the very sentence the member read', async () => {
      const found = await rows<{ code: string; params: Record<string, string | number | string[]> }>(database.db, sql`SELECT code, params FROM member_notices ORDER BY id`);
      expect(found.map((n) => storedReason(n.code, n.params).text)).toEqual(LEGACY.map(([, message]) => message));
      expect(found).toEqual([
        { code: 'notice.held', params: {} },
        { code: 'notice.new_account_limits_lifted', params: {} },
        { code: 'notice.restriction_ended', params: {} },
        { code: 'notice.made_operator', params: {} },
        { code: 'notice.made_member', params: {} },
        { code: 'notice.warned', params: { reason: 'Keep it civil.\nSecond line. Reason: none' } },
        { code: 'notice.invitations_restricted', params: { reason: 'Pitches', days: 1 } },
        { code: 'notice.invitations_restricted', params: { reason: 'Spam', days: 30 } },
        { code: 'notice.invitations_restricted', params: { reason: 'Spam wave' } },
        { code: 'notice.restrictions_lifted', params: { kinds: ['invitations'], reason: 'They apologised' } },
        { code: 'notice.restrictions_lifted', params: { kinds: ['held', 'limited', 'invitations'], reason: 'Known to us' } },
        // A sentence no code wrote keeps its words, under the generic code.
        { code: 'notice.other', params: { message: 'Something an operator wrote by hand in the database.' } },
      ]);
    });

    it("keeps flags' and sign-ups' sentences, in order, under the generic codes", async () => {
      const [flag] = await rows<{ reasons: unknown }>(database.db, sql`SELECT reasons FROM moderation_flags`);
      expect(flag?.reasons).toEqual([
        { code: 'flag.other', params: { message: '3 open reports from different members (spam × 3).' } },
        { code: 'flag.other', params: { message: 'A second sentence.' } },
      ]);
      const [signup] = await rows<{ reasons: unknown }>(database.db, sql`SELECT reasons FROM signup_events`);
      expect(signup?.reasons).toEqual([{ code: 'signup.other', params: { message: 'The email address is at a disposable-mail domain (x.test).' } }]);
    });

    it('no longer stores English in notices', async () => {
      const columns = await rows<{ column_name: string }>(
        database.db,
        sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'member_notices' ORDER BY ordinal_position`,
      );
      expect(columns.map((c) => c.column_name)).not.toContain('message');
    });
  });
}
