import { sql } from 'drizzle-orm';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { inTransaction } from '../db/transaction.ts';
import { engines, openTestDatabase } from '../test/engines.ts';
import { EventDispatcher } from './dispatcher.ts';
import type { Processor } from './processor.ts';
import { recordEvent } from './record.ts';
import type { EventKind, NewEvent, StoredEvent } from './types.ts';

/** A processor that remembers what it was handed and fails while `failing` says so. */
class Recorder<K extends EventKind> implements Processor<K> {
  readonly seen: StoredEvent<K>[] = [];
  attempts = 0;
  constructor(
    readonly name: string,
    readonly kinds: readonly K[],
    public failing: (event: StoredEvent<K>, attempt: number) => boolean = () => false,
  ) {}
  handle(event: StoredEvent<K>): void {
    this.attempts++;
    if (this.failing(event, this.attempts)) throw new Error(`${this.name} cannot take event ${event.id} yet`);
    this.seen.push(event);
  }
  ids(): number[] {
    return this.seen.map((e) => e.id);
  }
}

function quietLog() {
  const lines: string[] = [];
  const push = (level: string) => (obj: object, msg: string) => void lines.push(`${level} ${msg} ${JSON.stringify(obj, (k, v) => (k === 'err' ? String(v) : v))}`);
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

let follower = 1_000;
/** One committed follow event, recorded the way commands record them; returns its id. */
async function follow(database: Database): Promise<number> {
  const event: NewEvent = { kind: 'follow.added', actorId: ++follower, subjectId: 1, data: { cause: 'follow' } };
  await inTransaction(database.db, (tx) => recordEvent(tx, event));
  const [row] = await rows<{ id: number }>(database.db, sql`SELECT max(id)::int AS id FROM events`);
  return row!.id;
}

const metricLine = async (registry: Registry, name: string, labels: string) => {
  const text = await registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

for (const engine of engines()) {
  describe(`event dispatcher [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    it('hands each committed event to the processors of its kind, in order, and never a rolled-back one', async () => {
      const d = new EventDispatcher(database.db, { log: quietLog(), metrics: new Registry() });
      const follows = new Recorder('follows', ['follow.added']);
      const blocks = new Recorder('blocks', ['block.added']);
      await d.register(follows);
      await d.register(blocks);
      await d.catchUp();
      await inTransaction(database.db, async (tx) => {
        await recordEvent(tx, { kind: 'follow.added', actorId: 1, subjectId: 2, data: { cause: 'follow' } });
        await recordEvent(tx, { kind: 'block.added', actorId: 3, subjectId: 4, data: {} });
        await recordEvent(tx, { kind: 'follow.added', actorId: 5, subjectId: 6, data: { cause: 'connection' } });
        // Nothing is handed over before COMMIT.
        expect(follows.seen).toEqual([]);
      });
      expect(follows.seen.map((e) => [e.kind, e.actorId, e.subjectId, e.data])).toEqual([
        ['follow.added', 1, 2, { cause: 'follow' }],
        ['follow.added', 5, 6, { cause: 'connection' }],
      ]);
      expect(follows.ids()[0]).toBeLessThan(follows.ids()[1]!);
      expect(blocks.seen.map((e) => e.actorId)).toEqual([3]);

      await expect(
        inTransaction(database.db, async (tx) => {
          await recordEvent(tx, { kind: 'follow.added', actorId: 7, subjectId: 8, data: { cause: 'follow' } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(follows.seen).toHaveLength(2);
      // Its position waits below the rolled-back event until the database says it aborted, then passes it.
      const last = await follow(database);
      const position = () => d.status().find((s) => s.name === 'follows')!.position;
      expect(position()).toBe(last - 2);
      await d.savePositions();
      expect(position()).toBe(last);
      expect(follows.seen.map((e) => e.actorId)).not.toContain(7);
      await d.close();
    });

    it('retries a failing processor from the outbox with backoff, without holding up the others, and loses nothing', async () => {
      let now = 1_000_000;
      const registry = new Registry();
      const log = quietLog();
      const d = new EventDispatcher(database.db, { log, metrics: registry, now: () => now });
      const steady = new Recorder('steady', ['follow.added']);
      // Fails on its first two attempts, whatever the event.
      const flaky = new Recorder('flaky', ['follow.added'], (_event, attempt) => attempt <= 2);
      await d.register(steady);
      await d.register(flaky);
      await d.catchUp();

      const x = await follow(database);
      expect(steady.ids()).toEqual([x]);
      expect(flaky.attempts).toBe(1);
      expect(d.status().find((s) => s.name === 'flaky')).toMatchObject({ live: false, position: x - 1, attempts: 1 });
      expect(log.lines.join('\n')).toMatch(new RegExp(`error event processor failed.*"eventId":${x},"kind":"follow.added","processor":"flaky"`));
      expect(await metricLine(registry, 'rapport_event_processing_failures_total', 'processor="flaky",kind="follow.added"')).toBe(1);

      // While it is behind, the others go on and it is not called.
      const y = await follow(database);
      expect(steady.ids()).toEqual([x, y]);
      expect(flaky.attempts).toBe(1);
      expect(await metricLine(registry, 'rapport_events_waiting', 'processor="flaky"')).toBe(2);

      // Not before its backoff (1 s, then 2 s)…
      now += 500;
      await d.retryDue();
      expect(flaky.attempts).toBe(1);
      now += 500;
      await d.retryDue();
      expect(flaky.attempts).toBe(2);
      expect(await metricLine(registry, 'rapport_event_processing_failures_total', 'processor="flaky",kind="follow.added"')).toBe(2);
      now += 1_999;
      await d.retryDue();
      expect(flaky.attempts).toBe(2);
      // …then from the outbox, in id order, and it is live again.
      now += 1;
      await d.retryDue();
      expect(flaky.ids()).toEqual([x, y]);
      expect(d.status().find((s) => s.name === 'flaky')).toMatchObject({ live: true, attempts: 0 });
      expect(await metricLine(registry, 'rapport_events_waiting', 'processor="flaky"')).toBe(0);
      const z = await follow(database);
      expect(flaky.ids()).toEqual([x, y, z]);
      expect(steady.ids()).toEqual([x, y, z]);
      await d.close();
    });

    it('resumes a durable processor from its saved position after a restart, with what it missed while away', async () => {
      const before = await follow(database);
      const first = new EventDispatcher(database.db, { log: quietLog(), metrics: new Registry() });
      // A new processor starts at the newest event: history before it is not its business.
      const kept = new Recorder('kept', ['follow.added']);
      const broken = new Recorder('broken', ['follow.added'], () => true);
      await first.register(kept);
      await first.register(broken);
      await first.catchUp();
      const a = await follow(database);
      expect(kept.ids()).toEqual([a]);
      expect(broken.seen).toEqual([]);
      await first.close();
      const saved = await rows<{ name: string; last_id: number }>(
        database.db,
        sql`SELECT name, last_id::int AS last_id FROM event_consumers WHERE name IN ('kept', 'broken') ORDER BY name`,
      );
      expect(saved).toEqual([
        { name: 'broken', last_id: before },
        { name: 'kept', last_id: a },
      ]);

      // Written while no dispatcher runs (a script, an import): straight into the outbox.
      await database.db.transaction((tx) => recordEvent(tx, { kind: 'follow.added', actorId: 77, subjectId: 78, data: { cause: 'follow' } }));
      const [{ id: away } = { id: 0 }] = await rows<{ id: number }>(database.db, sql`SELECT max(id)::int AS id FROM events`);

      const second = new EventDispatcher(database.db, { log: quietLog(), metrics: new Registry() });
      const keptAgain = new Recorder('kept', ['follow.added']);
      const mended = new Recorder('broken', ['follow.added']);
      await second.register(keptAgain);
      await second.register(mended);
      await second.catchUp();
      expect(keptAgain.ids()).toEqual([away]);
      expect(mended.ids()).toEqual([a, away]);
      await second.close();
    });

    it('reports a local after-commit effect that throws, and still answers with the committed result', async () => {
      const registry = new Registry();
      const log = quietLog();
      const d = new EventDispatcher(database.db, { log, metrics: registry });
      const answer = await inTransaction(database.db, async (_tx, onCommit) => {
        onCommit(() => {
          throw new Error('the delivery loop is gone');
        });
        return 42;
      });
      expect(answer).toBe(42);
      expect(log.lines.join('\n')).toMatch(/error after-commit effect failed.*the delivery loop is gone/);
      expect((await registry.metrics()).split('\n')).toContain('rapport_after_commit_failures_total 1');
      await d.close();
    });

    it('hands a live processor the events recorded outside inTransaction before it saves a position past them', async () => {
      const d = new EventDispatcher(database.db, { log: quietLog(), metrics: new Registry() });
      const r = new Recorder('reconciled', ['follow.added']);
      await d.register(r);
      await d.catchUp();
      await database.db.transaction((tx) => recordEvent(tx, { kind: 'follow.added', actorId: 90, subjectId: 91, data: { cause: 'follow' } }));
      const live = await follow(database);
      expect(r.ids()).toEqual([live]);
      await d.savePositions();
      expect(r.seen.map((e) => e.actorId)).toEqual([follower, 90]);
      const [saved] = await rows<{ last_id: number }>(database.db, sql`SELECT last_id::int AS last_id FROM event_consumers WHERE name = 'reconciled'`);
      expect(saved!.last_id).toBe(live);
      await d.close();
    });
  });
}
