import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { followMember } from '../commands/network/follow.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { Processor } from '../events/processor.ts';
import type { StoredEvent } from '../events/types.ts';
import { verifyGraph } from '../graph/verify.ts';
import { readMetrics, signUp } from './client.ts';
import { engines, openTestDatabase } from './engines.ts';

/**
 * The events outbox in the running app: a processor whose effect fails does not fail the write, is seen
 * in /metrics, and is retried from the outbox until it succeeds; a new app over the same database resumes
 * each processor where it stopped, and the graph index catches up from its snapshot with what changed
 * while no server ran.
 */

/** A test processor of follows that fails its first `failures` attempts. */
class FlakyFollows implements Processor<'follow.added'> {
  readonly kinds = ['follow.added'] as const;
  readonly seen: StoredEvent<'follow.added'>[] = [];
  attempts = 0;
  constructor(
    readonly name: string,
    private readonly failures = 0,
  ) {}
  handle(event: StoredEvent<'follow.added'>): void {
    if (++this.attempts <= this.failures) throw new Error('the effect failed');
    this.seen.push(event);
  }
}

async function metric(app: FastifyInstance, name: string, labels: string): Promise<number | undefined> {
  const res = await readMetrics(app);
  const line = res.body.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

const dir = mkdtempSync(join(tmpdir(), 'rapport-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of engines()) {
  describe(`events in the running app [${engine}]`, () => {
    let database: Database;
    let config: Config;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const opened = await openTestDatabase(engine);
      ({ database, drop } = opened);
      config = { ...opened.config, graphSnapshot: { ...opened.config.graphSnapshot, path: join(dir, `graph-${engine}.snapshot`) } };
    }, 180_000);
    afterAll(() => drop?.());

    it('answers the write, counts the failed effect in /metrics, and retries it from the outbox until it is delivered', async () => {
      const app = await buildApp(config, { database, background: false });
      try {
        const flaky = new FlakyFollows('test-flaky', 2);
        await app.ctx.events.register(flaky);
        await app.ctx.events.catchUp();
        const [a, b] = [await signUp(app, 'Effect Follower'), await signUp(app, 'Effect Followee')];

        const res = await a.call('PUT', `/api/v1/members/${b.handle}/follow`);
        expect(res.statusCode).toBe(200);
        // The graph index, another processor of the same event, has it already.
        expect(await app.ctx.graph.index.following(a.id, [b.id])).toEqual([true]);
        expect(flaky.seen).toEqual([]);
        expect(await metric(app, 'rapport_event_processing_failures_total', 'processor="test-flaky",kind="follow.added"')).toBe(1);
        expect(await metric(app, 'rapport_events_waiting', 'processor="test-flaky"')).toBe(1);
        expect(await metric(app, 'rapport_events_waiting', 'processor="graph-index"')).toBe(0);

        // The retries (the background timer's job; here by hand) read it back from the outbox.
        await app.ctx.events.catchUp();
        expect(await metric(app, 'rapport_event_processing_failures_total', 'processor="test-flaky",kind="follow.added"')).toBe(2);
        await app.ctx.events.catchUp();
        expect(flaky.seen.map((e) => [e.actorId, e.subjectId])).toEqual([[a.id, b.id]]);
        expect(await metric(app, 'rapport_events_waiting', 'processor="test-flaky"')).toBe(0);
        expect(await metric(app, 'rapport_event_processing_failures_total', 'processor="test-flaky",kind="follow.added"')).toBe(2);
      } finally {
        await app.close();
      }
    });

    it('resumes each processor from its position in a new app, with the changes made while no server ran', async () => {
      const first = await buildApp(config, { database, background: false });
      const kept = new FlakyFollows('test-kept');
      const failing = new FlakyFollows('test-failing', Infinity);
      await first.ctx.events.register(kept);
      await first.ctx.events.register(failing);
      await first.ctx.events.catchUp();
      const [a, b, c] = [await signUp(first, 'Resume A'), await signUp(first, 'Resume B'), await signUp(first, 'Resume C')];
      expect((await a.call('PUT', `/api/v1/members/${b.handle}/follow`)).statusCode).toBe(200);
      expect(kept.seen).toHaveLength(1);
      expect(failing.attempts).toBe(1);
      // Stopping saves the positions and writes the graph snapshot.
      await first.close();

      // A change while no server runs, as a script would make it: in the outbox, handed to no one.
      await followMember({ db: database.db, graph: first.ctx.graph, limits: config.network }, c.id, b.id);

      const second = await buildApp(config, { database, background: false });
      try {
        // The graph index loaded the snapshot and caught up from the outbox (a rebuild replays nothing),
        // the change made meanwhile included.
        expect(second.ctx.graph.marks.appliedCount).toBe(1);
        expect(await second.ctx.graph.index.following(c.id, [b.id])).toEqual([true]);
        expect((await verifyGraph(database.db, second.ctx.graph.csrIndex.graph)).differences).toEqual([]);
        const keptAgain = new FlakyFollows('test-kept');
        const mended = new FlakyFollows('test-failing');
        await second.ctx.events.register(keptAgain);
        await second.ctx.events.register(mended);
        await second.ctx.events.catchUp();
        expect(keptAgain.seen.map((e) => [e.actorId, e.subjectId])).toEqual([[c.id, b.id]]);
        expect(mended.seen.map((e) => [e.actorId, e.subjectId])).toEqual([
          [a.id, b.id],
          [c.id, b.id],
        ]);
      } finally {
        await second.close();
      }
    });
  });
}
