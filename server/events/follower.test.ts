/**
 * The outbox follower against a real PostgreSQL server, with transactions held open and rolled back on
 * purpose: what it hands over, in what order, and how far it says it is complete while ids are in flight.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Database, rows } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { migrate } from '../db/migrate.ts';
import { openTestDatabase, serverUrl } from '../test/engines.ts';
import { within } from '../test/polling.ts';
import { OutboxFollower, runningTransactions } from './follower.ts';
import { recordEvent } from './record.ts';
import type { StoredEvent } from './types.ts';

const quiet = { info() {}, warn() {}, error() {} };

describe('reading a snapshot’s running transactions', () => {
  it('takes the in-progress list, and nothing when there is none', () => {
    expect([...runningTransactions('100:105:100,103')]).toEqual(['100', '103']);
    expect(runningTransactions('100:100:').size).toBe(0);
  });
});

describe.runIf(serverUrl)('the outbox follower [postgres]', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase('postgres');
    database = opened.database;
    drop = opened.drop;
    await migrate(database.db);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  /** Records a follow.added event for (actor, subject) in a transaction of its own; resolves with nothing. */
  const record = (actorId: number, subjectId: number) =>
    inTransaction(database.db, (tx) => recordEvent(tx, { kind: 'follow.added', actorId, subjectId, data: { cause: 'follow' } }));

  /** A transaction that records an event and stays open until `release` is called, then commits or rolls back. */
  function held(actorId: number, outcome: 'commit' | 'rollback') {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const inserted = new Promise<void>((resolve) => (recorded = resolve));
    const done = inTransaction(database.db, async (tx) => {
      await recordEvent(tx, { kind: 'follow.added', actorId, subjectId: 1, data: { cause: 'follow' } });
      recorded();
      await gate;
      if (outcome === 'rollback') throw new Error('rolled back on purpose');
    }).catch((err: Error) => {
      if (err.message !== 'rolled back on purpose') throw err;
    });
    return { inserted, release, done };
  }

  /** A follower starting after every event recorded so far. */
  async function follower() {
    const from = (await recordedIds()).at(-1) ?? 0;
    const seen: StoredEvent[] = [];
    const f = new OutboxFollower(database.db, { log: quiet, from, rewind: 0, deliver: async (found) => void seen.push(...found) });
    return { f, seen, actors: () => seen.map((e) => e.actorId) };
  }

  it('hands over what commits after an id still in flight, stays below that id, and hands it over once it commits', async () => {
    const { f, actors } = await follower();
    await f.sync();
    const start = f.floor();
    const slow = held(101, 'commit');
    await slow.inserted;
    await record(102, 1);
    await f.sync();
    // The later event is here; the earlier one is awaited, and the floor stays below it.
    expect(actors()).toEqual([102]);
    expect(f.awaited()).toHaveLength(1);
    const [[awaitedId]] = f.awaited() as [[number, number]];
    expect(f.floor()).toBe(awaitedId - 1);
    expect(f.floor()).toBeGreaterThanOrEqual(start);
    slow.release();
    await slow.done;
    await f.sync();
    expect(actors()).toEqual([102, 101]);
    expect(f.awaited()).toEqual([]);
    expect(f.floor()).toBeGreaterThan(awaitedId);
    await f.close();
  });

  it('lets go of an id whose transaction rolled back, once the database has seen it end', async () => {
    const { f, actors } = await follower();
    await f.sync();
    const lost = held(201, 'rollback');
    await lost.inserted;
    await record(202, 1);
    await f.sync();
    expect(f.awaited()).toHaveLength(1);
    lost.release();
    await lost.done;
    // A gap waits on every transaction the server had running when it was seen (any database, any test file
    // beside this one), so it is let go once those have all ended: at once when this test runs alone.
    await within(30_000, async () => {
      await f.sync();
      expect(f.awaited()).toEqual([]);
    });
    expect(actors()).toEqual([202]);
    await record(203, 1);
    await f.sync();
    expect(actors()).toEqual([202, 203]);
    await f.close();
  });

  it('hands every event over once, in id order within a sweep, however many arrive between sweeps', async () => {
    const { f, seen } = await follower();
    await f.sync();
    const before = seen.length;
    await Promise.all(Array.from({ length: 40 }, (_, n) => record(300 + n, 1)));
    await f.sync();
    const got = seen.slice(before);
    expect(got).toHaveLength(40);
    expect(got.map((e) => e.id)).toEqual([...got.map((e) => e.id)].sort((a, b) => a - b));
    expect(new Set(got.map((e) => e.actorId))).toEqual(new Set(Array.from({ length: 40 }, (_, n) => 300 + n)));
    await f.sync();
    expect(seen).toHaveLength(before + 40);
    await f.close();
  });

  it('reads in pages, and on its timer finds what nobody announced', async () => {
    const seen: StoredEvent[] = [];
    const from = (await recordedIds()).at(-1) ?? 0;
    const f = new OutboxFollower(database.db, { log: quiet, from, rewind: 0, pageSize: 3, deliver: async (found) => void seen.push(...found) });
    await f.sync();
    const before = seen.length;
    for (let n = 0; n < 7; n++) await record(400 + n, 1);
    f.start(50);
    for (let waited = 0; seen.length < before + 7 && waited < 3_000; waited += 50) await sleep(50);
    expect(seen.slice(before).map((e) => e.actorId)).toEqual([400, 401, 402, 403, 404, 405, 406]);
    await f.close();
  });

  it('does not wait on a transaction running on another database of the server', async () => {
    // A long transaction elsewhere on the server (another installation, a dump) with an xid of its own.
    const other = new pg.Client({ connectionString: serverUrl!.replace(/\/[^/?]*(\?|$)/, '/postgres$1') });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      const { f, actors } = await follower();
      await f.sync();
      const lost = held(701, 'rollback');
      await lost.inserted;
      await record(702, 1);
      await f.sync();
      expect(f.awaited()).toHaveLength(1);
      lost.release();
      await lost.done;
      // Only this database's transactions are waited on: the gap goes (at the next sweep when this file runs
      // alone) while the other is still open.
      await within(10_000, async () => {
        await f.sync();
        expect(f.awaited()).toEqual([]);
      });
      expect(actors()).toEqual([702]);
      await f.close();
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });

  it('starts a given number of events back, so events in flight while the state was loaded are not lost', async () => {
    await record(500, 1);
    await record(501, 1);
    const last = (await recordedIds()).at(-1)!;
    const seen: StoredEvent[] = [];
    const f = new OutboxFollower(database.db, { log: quiet, from: last, rewind: 1, deliver: async (found) => void seen.push(...found) });
    await f.sync();
    expect(seen.map((e) => e.actorId)).toEqual([501]);
    await f.close();
  });

  async function recordedIds(): Promise<number[]> {
    return (await rows<{ id: string }>(database.db, sql`SELECT id FROM events ORDER BY id`)).map((r) => Number(r.id));
  }
});
