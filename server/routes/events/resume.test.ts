/**
 * Resuming a live stream from its `Last-Event-ID` (live/cursor.ts, live/replay.ts): what a member missed
 * while away is replayed once, through the same routing as live delivery, by this process or another.
 */
import { Registry } from 'prom-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCursor } from '../../live/cursor.ts';
import { feedGraphOf } from '../../live/feed-audience.ts';
import { LiveUpdatesProcessor } from '../../live/live-processor.ts';
import { missedSince } from '../../live/replay.ts';
import { LiveStreams } from '../../live/streams.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine, serverUrl } from '../../test/engines.ts';
import { listening, twoAppsOnServer } from '../../test/two-apps.ts';
import { type EventStreamReader, readEventStream, type ReceivedEvent } from '../../test/sse-client.ts';

/** A stream for the member, resumed from `lastEventId` when given; answers once it is live (`ready`) with what came before. */
async function openStream(base: string, m: Member, lastEventId?: string): Promise<{ stream: EventStreamReader; before: ReceivedEvent[] }> {
  const stream = await readEventStream(`${base}/api/v1/events`, { cookie: m.cookie, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) });
  const before = await stream.upTo('ready');
  return { stream, before };
}

const messageIds = (events: ReceivedEvent[]) => events.filter((e) => e.event === 'message').map((e) => (e.data as { messageId: number }).messageId);

async function say(from: Member, conversationId: number, text: string): Promise<number> {
  const res = await from.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

async function converse(from: Member, to: Member, text: string): Promise<{ id: number; messageId: number }> {
  const res = await from.call('POST', '/api/v1/conversations', { to: [to.handle], text });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; messageId: number }>();
}

describeEachEngine('resuming a live stream from Last-Event-ID', (get) => {
  let base = '';
  beforeAll(async () => {
    base = await listening(get().app);
  });

  it('replays the messages sent while the stream was away, each once, then goes on live', async () => {
    const { app } = get();
    const [eva, fin, gil] = await Promise.all(['Eva Resume', 'Fin Resume', 'Gil Resume'].map((n) => signUp(app, n)));
    const first = await openStream(base, fin!);
    const talk = await converse(eva!, fin!, 'Before the drop');
    expect(messageIds([await first.stream.next('message')])).toEqual([talk.messageId]);
    const cursor = first.stream.lastId()!;
    first.stream.close();

    // Away: two messages for Fin, one for Gil that is none of Fin's business.
    const missed = [await say(eva!, talk.id, 'While away, one'), await say(eva!, talk.id, 'While away, two')];
    await converse(eva!, gil!, 'Not for Fin');

    const second = await openStream(base, fin!, cursor);
    try {
      expect(messageIds(second.before)).toEqual(missed);
      const after = await say(eva!, talk.id, 'Live again');
      expect(messageIds([await second.stream.next('message')])).toEqual([after]);
    } finally {
      second.stream.close();
    }
  });

  it('replays nothing to a stream that missed nothing, and a stream that never had an event resumes from its ready', async () => {
    const { app } = get();
    const [hal, ivy] = await Promise.all(['Hal Resume', 'Ivy Resume'].map((n) => signUp(app, n)));
    const first = await openStream(base, ivy!);
    const cursor = first.stream.lastId()!;
    expect(parseCursor(cursor)).not.toBeNull();
    first.stream.close();
    const talk = await converse(hal!, ivy!, 'While Ivy was away');
    const second = await openStream(base, ivy!, cursor);
    expect(messageIds(second.before)).toEqual([talk.messageId]);
    second.stream.close();
    const third = await openStream(base, ivy!, second.stream.lastId()!);
    third.stream.close();
    expect(messageIds(third.before)).toEqual([]);
  });

  it('tells a stream to resync when its cursor is not this outbox’s, or further back than a replay goes', async () => {
    const { app, database } = get();
    const [jo, kai] = await Promise.all(['Jo Resume', 'Kai Resume'].map((n) => signUp(app, n)));
    const elsewhere = await openStream(base, jo!, '999999999999');
    elsewhere.stream.close();
    expect(elsewhere.before.map((e) => e.event)).toEqual(['resync', 'ready']);

    // Too far back: more events of the live kinds than the replay reads.
    const first = await openStream(base, kai!);
    first.stream.close();
    const talk = await converse(jo!, kai!, 'One');
    await say(jo!, talk.id, 'Two');
    await say(jo!, talk.id, 'Three');
    const processor = new LiveUpdatesProcessor(new LiveStreams(new Registry()), { graph: feedGraphOf(app.ctx.graph), blocksOf: async () => new Set() });
    const cursor = parseCursor(first.stream.lastId()!)!;
    expect(await missedSince(database.db, processor, kai!.id, cursor, 2)).toBe('resync');
    const replayed = await missedSince(database.db, processor, kai!.id, cursor, 100);
    expect(replayed !== 'resync' && replayed.map((m) => m.type)).toContain('message');
  });
});

// The process a stream was on goes away; the page reconnects through the proxy to the other one.
describe.runIf(serverUrl)('resuming a live stream on another process [postgres]', () => {
  const apps = twoAppsOnServer({ migrated: true });

  it('replays on the second process what the member missed after the first one’s last event', async () => {
    const { first, second } = apps();
    const [firstUrl, secondUrl] = [await listening(first), await listening(second)];
    const [lea, max] = [await signUp(first, 'Lea Across'), await signUp(first, 'Max Across')];
    const talk = await converse(lea, max, 'Seen on the first process');
    const onFirst = await openStream(firstUrl, max);
    const seen = await say(lea, talk.id, 'Also seen on the first');
    expect(messageIds([await onFirst.stream.next('message')])).toEqual([seen]);
    onFirst.stream.close();
    const missed = [await say(lea, talk.id, 'Missed, one'), await say(lea, talk.id, 'Missed, two')];
    const onSecond = await openStream(secondUrl, max, onFirst.stream.lastId()!);
    try {
      expect(messageIds(onSecond.before)).toEqual(missed);
    } finally {
      onSecond.stream.close();
    }
  });
});
