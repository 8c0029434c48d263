import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Db, rows } from '../../db/connection.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite, members } from './network-test-helpers.ts';

type Query = (...args: unknown[]) => Promise<unknown>;
interface Client {
  query: Query;
  exec?: Query;
  connect?: (...args: unknown[]) => Promise<{ query: Query }>;
}

/**
 * Counts the SQL statements sent through the app's database handle: PGlite's query and exec, or the
 * PostgreSQL pool's query and the query of every client it lends (transactions).
 */
function statementCounter(db: Db) {
  const client = (db as unknown as { $client: Client }).$client;
  let count = 0;
  const counted = (fn: Query, self: unknown): Query => (...args) => {
    count++;
    return fn.apply(self, args);
  };
  const saved = { query: client.query, exec: client.exec, connect: client.connect };
  client.query = counted(saved.query, client);
  if (saved.exec) client.exec = counted(saved.exec, client);
  if (saved.connect) {
    const lend = saved.connect;
    const wrapped = new WeakSet<object>();
    client.connect = async (...args) => {
      const lent = await lend.apply(client, args);
      if (!wrapped.has(lent)) {
        wrapped.add(lent);
        lent.query = counted(lent.query, lent);
      }
      return lent;
    };
  }
  return {
    /** Statements sent while `run` ran. */
    async during(run: () => Promise<unknown>): Promise<number> {
      const before = count;
      await run();
      return count - before;
    },
    restore() {
      Object.assign(client, saved);
    },
  };
}

const SENDERS = 20;

describeEachEngine('received invitations: round trips per page', (get) => {
  it('sends as many statements for a page of 20 invitations with evidence as for a page of 2, in the inbox and in Other', async () => {
    const { app, database } = get();
    const [recipient, friendA, friendB, ...senders] = await members(app, [
      'Rhea Recipient',
      'Ada Mutual',
      'Bo Mutual',
      ...Array.from({ length: SENDERS }, (_, i) => `Sender Number${String.fromCharCode(65 + i)}`),
    ]);
    // Mutual connections with names for the newest senders, so both pages show first mutuals (an empty list loads nothing).
    await connect(recipient!, friendA!);
    await connect(recipient!, friendB!);
    for (const s of senders.slice(-4)) {
      await connect(friendA!, s);
      await connect(friendB!, s);
    }
    for (const [i, s] of senders.entries()) {
      await invite(s, recipient!, `We met at the harbour workshop number ${i}; I would like to keep talking about tidal energy and your ${i} projects.`);
    }

    const counter = statementCounter(database.db);
    try {
      const page = async (folder: 'inbox' | 'other', limit: number) => {
        let items: { screening: { evidence: { mutuals: { count: number; first: unknown[] } } } | null }[] = [];
        const statements = await counter.during(async () => {
          const res = await recipient!.call('GET', `/api/v1/invitations?box=received&folder=${folder}&limit=${limit}`);
          expect(res.statusCode, res.body).toBe(200);
          items = res.json().items;
        });
        expect(items).toHaveLength(limit);
        expect(items.every((i) => i.screening !== null)).toBe(true);
        return { statements, items };
      };
      await page('inbox', 2); // warm-up: whatever a first request loads once
      const small = await page('inbox', 2);
      const full = await page('inbox', SENDERS);
      expect(full.items.some((i) => i.screening!.evidence.mutuals.first.length === 2)).toBe(true);
      expect(full.statements).toBe(small.statements);

      // The same in Other (the platform or a policy puts invitations there; moved directly here).
      await rows(database.db, sql`UPDATE invitations SET folder = 'other' WHERE recipient_id = ${recipient!.id} AND status = 'pending'`);
      const smallOther = await page('other', 2);
      const fullOther = await page('other', SENDERS);
      expect(fullOther.statements).toBe(smallOther.statements);
      expect(fullOther.statements).toBe(full.statements);
    } finally {
      counter.restore();
    }
  });
});
