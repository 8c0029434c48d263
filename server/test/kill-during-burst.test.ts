import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { engines, serverUrl } from './engines.ts';
import { type HttpMember, callAs, signUpOverHttp, spawnServer, type SpawnedServer } from './spawned-server.ts';

/**
 * kill -9 in the middle of a burst of posts, comments and messages: every write the server acknowledged
 * (2xx) is there after a restart, found by its id, and nothing is half-written, acknowledged or not: every
 * post has its mention, topic, event and notification; the commented post's counter matches its comments;
 * every message has its event and interactions, and every conversation its members' state (last message)
 * and at least one message. On the embedded PGlite data directory, and on PostgreSQL (a schema of its own)
 * when TEST_DATABASE_URL is set. About 15 s per engine on an idle machine.
 */
const dir = mkdtempSync(join(tmpdir(), 'rapport-burst-'));
const running: SpawnedServer[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
  rmSync(dir, { recursive: true, force: true });
});

const REQUESTS = 90;
const CONCURRENCY = 8;
const KILL_AFTER = 30;
// Writes in quick succession from a few members: lift the write limits, which are not under test here.
const ENV = { RATE_LIMIT_WRITES_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000', GRAPH_SNAPSHOT_MINUTES: '0' };

// Texts unlike each other, so near-duplicate detection of messages sees no campaign.
const VOCABULARY = 'amber basalt cedar delta ember fjord garnet harbour iris juniper kestrel lantern meadow nectar orchid quartz river saffron timber willow'.split(' ');
function words(i: number): string {
  let h = Math.imul(i + 1, 0x9e3779b1);
  const next = () => {
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h >>> 0) % VOCABULARY.length;
  };
  return Array.from({ length: 8 }, () => VOCABULARY[next()]).join(' ');
}

type Kind = 'post' | 'comment' | 'message' | 'group';
interface Sent {
  kind: Kind;
  text: string;
  as: HttpMember;
  path: string;
  /** The id the server answered with, when it answered 2xx before the kill. */
  id?: number;
}

/** Runs SQL on the database a server used, once that server has stopped. */
type Query = <T>(statement: string, params?: unknown[]) => Promise<T[]>;

async function openStore(engine: 'pglite' | 'postgres', dataDir: string, url: string | undefined): Promise<{ query: Query; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await PGlite.create(join(dataDir, 'pg'), { extensions: { pg_trgm } });
    return { query: async <T,>(s: string, p: unknown[] = []) => (await db.query<T>(s, p)).rows, close: () => db.close() };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { query: async <T,>(s: string, p: unknown[] = []) => (await client.query(s, p)).rows as T[], close: () => client.end() };
}

describe.each(engines())('kill -9 during a burst of posts and messages [%s]', (engine) => {
  const dataDir = join(dir, engine);
  const schema = `t_burst_${randomBytes(5).toString('hex')}`;
  // The server's own schema on the test database; public stays on the path for pg_trgm's functions.
  const url = engine === 'postgres' ? `${serverUrl}${serverUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}` : undefined;
  const env = { ...ENV, ...(url ? { DATABASE_URL: url } : {}) };

  afterAll(async () => {
    if (engine !== 'postgres') return;
    const c = new pg.Client({ connectionString: serverUrl! });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('keeps every acknowledged write, and no write is half done', async () => {
    if (url) {
      const c = new pg.Client({ connectionString: serverUrl! });
      await c.connect();
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.end();
    }
    const first = await spawnServer(dataDir, env);
    running.push(first);
    const [a, b, c] = [
      await signUpOverHttp(first.url, 'Burst Ada', 'ada@example.com'),
      await signUpOverHttp(first.url, 'Burst Bo', 'bo@example.com'),
      await signUpOverHttp(first.url, 'Burst Cy', 'cy@example.com'),
    ] as [HttpMember, HttpMember, HttpMember];
    const created = async (res: Response) => {
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    // A post to comment on, and two one-to-one conversations to write in.
    const target = await created(await callAs(first.url, a, 'POST', '/posts', { text: 'Comment on this', visibility: 'members' }));
    const ab = await created(await callAs(first.url, a, 'POST', '/conversations', { to: [b.handle], text: 'Hello Bo' }));
    const ca = await created(await callAs(first.url, c, 'POST', '/conversations', { to: [a.handle], text: 'Hello Ada' }));

    // The burst: posts with a mention and a topic, comments, messages and new group conversations, CONCURRENCY
    // at a time; kill -9 once KILL_AFTER are acknowledged, with others in flight.
    const plan: { kind: Kind; as: HttpMember; path: string; body: (text: string) => unknown }[] = [
      { kind: 'post', as: a, path: '/posts', body: (text) => ({ text: `${text} @${b.handle} #burst`, visibility: 'members' }) },
      { kind: 'comment', as: b, path: `/posts/${target}/comments`, body: (text) => ({ text }) },
      { kind: 'message', as: a, path: `/conversations/${ab}/messages`, body: (text) => ({ text }) },
      { kind: 'post', as: c, path: '/posts', body: (text) => ({ text: `${text} @${b.handle} #burst`, visibility: 'followers' }) },
      { kind: 'message', as: c, path: `/conversations/${ca}/messages`, body: (text) => ({ text }) },
      { kind: 'group', as: a, path: '/conversations', body: (text) => ({ to: [b.handle, c.handle], text }) },
      { kind: 'comment', as: c, path: `/posts/${target}/comments`, body: (text) => ({ text }) },
      { kind: 'message', as: b, path: `/conversations/${ab}/messages`, body: (text) => ({ text }) },
    ];
    const sent: Sent[] = [];
    let acked = 0, killed = false, next = 0;
    const worker = async () => {
      while (!killed && next < REQUESTS) {
        const i = next++;
        const step = plan[i % plan.length]!;
        const s: Sent = { kind: step.kind, text: `burst ${step.kind} ${i} ${words(i)}`, as: step.as, path: step.path };
        sent.push(s);
        try {
          const res = await callAs(first.url, step.as, 'POST', step.path, step.body(s.text));
          if (res.ok) {
            s.id = ((await res.json()) as { id: number }).id;
            acked++;
          }
        } catch {
          // The connection died with the server: not acknowledged, so either outcome is allowed.
        }
        if (!killed && acked >= KILL_AFTER) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await first.exited).toBe('SIGKILL');
    expect(acked).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(sent.length, 'the kill came before the burst ran out').toBeLessThan(REQUESTS);
    const ackedOf = (kind: Kind) => sent.filter((s) => s.kind === kind && s.id !== undefined);
    for (const kind of ['post', 'comment', 'message', 'group'] as const) expect(ackedOf(kind).length, `acknowledged ${kind}s`).toBeGreaterThan(0);

    // Restarted on the same data: every acknowledged write is there through the API, by its id.
    const second = await spawnServer(dataDir, env);
    running.push(second);
    for (const p of ackedOf('post')) {
      const res = await callAs(second.url, p.as, 'GET', `/posts/${p.id}`);
      expect(res.status, `acknowledged post ${p.id}`).toBe(200);
      const post = (await res.json()) as { text: string; mentions: { handle: string }[]; topics: string[] };
      expect(post.text.startsWith(p.text)).toBe(true);
      expect(post.mentions.map((m) => m.handle)).toEqual([b.handle]);
      expect(post.topics).toEqual(['burst']);
    }
    const comments = (await (await callAs(second.url, a, 'GET', `/posts/${target}/comments?limit=50`)).json()) as { items: { id: number; text: string }[] };
    const commentIds = new Set(comments.items.map((x) => x.id));
    for (const x of ackedOf('comment')) expect(commentIds, `acknowledged comment ${x.id}`).toContain(x.id);
    const targetView = (await (await callAs(second.url, a, 'GET', `/posts/${target}`)).json()) as { commentCount: number };
    expect(targetView.commentCount).toBe(comments.items.length);
    for (const conversation of [ab, ca]) {
      const page = (await (await callAs(second.url, a, 'GET', `/conversations/${conversation}/messages?limit=50`)).json()) as { items: { id: number }[] };
      const ids = new Set(page.items.map((m) => m.id));
      for (const m of ackedOf('message').filter((x) => x.path === `/conversations/${conversation}/messages`)) expect(ids, `acknowledged message ${m.id}`).toContain(m.id);
    }
    for (const g of ackedOf('group')) {
      const res = await callAs(second.url, b, 'GET', `/conversations/${g.id}`);
      expect(res.status, `acknowledged conversation ${g.id}`).toBe(200);
      expect(((await res.json()) as { lastMessage: { text: string } | null }).lastMessage?.text).toBe(g.text);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // In the tables, acknowledged or not: whatever committed is whole.
    const store = await openStore(engine, dataDir, url);
    try {
      const { query } = store;
      const ids = (kind: Kind) => ackedOf(kind).map((s) => s.id!);
      const messageIds = (await query<{ id: string }>(`SELECT id FROM messages WHERE id = ANY($1::bigint[])`, [ids('message')])).map((r) => Number(r.id));
      expect(messageIds.sort((x, y) => x - y)).toEqual(ids('message').sort((x, y) => x - y));
      const halfPosts = await query(
        `SELECT p.id FROM posts p
          WHERE p.text LIKE 'burst post %'
            AND ((SELECT count(*) FROM post_mentions m WHERE m.post_id = p.id AND m.member_id = $1) <> 1
              OR NOT EXISTS (SELECT 1 FROM post_topics t WHERE t.post_id = p.id AND t.topic = 'burst')
              OR NOT EXISTS (SELECT 1 FROM events e JOIN notifications n ON n.event_id = e.id AND n.member_id = $1
                              WHERE e.kind = 'post.created' AND (e.data->>'postId')::bigint = p.id))`,
        [b.id],
      );
      expect(halfPosts, 'posts without their mention, topic, event or notification').toEqual([]);
      const [counted] = await query<{ stored: number; rows: string }>(
        `SELECT comment_count AS stored, (SELECT count(*) FROM comments WHERE post_id = $1) AS rows FROM posts WHERE id = $1`,
        [target],
      );
      expect(counted!.stored).toBe(Number(counted!.rows));
      const halfComments = await query(
        `SELECT c.id FROM comments c WHERE c.post_id = $1
            AND NOT EXISTS (SELECT 1 FROM events e WHERE e.kind = 'comment.added' AND (e.data->>'commentId')::bigint = c.id)`,
        [target],
      );
      expect(halfComments, 'comments without their event').toEqual([]);
      const halfMessages = await query(
        `SELECT m.id FROM messages m
          WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.kind = 'message.sent' AND (e.data->>'messageId')::bigint = m.id)
             OR NOT EXISTS (SELECT 1 FROM interactions i WHERE i.kind = 'message_sent' AND i.ref_id = m.id AND i.member_id = m.sender_id)`,
      );
      expect(halfMessages, 'messages without their event or interactions').toEqual([]);
      // Every member's place in each conversation names its newest message (nobody's settings drop these).
      const staleState = await query(
        `SELECT cm.conversation_id, cm.member_id FROM conversation_members cm
          WHERE cm.last_message_id IS DISTINCT FROM (SELECT max(m.id) FROM messages m WHERE m.conversation_id = cm.conversation_id)`,
      );
      expect(staleState, 'conversation members whose state misses a message').toEqual([]);
      const empty = await query(`SELECT c.id FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)`);
      expect(empty, 'conversations without a message').toEqual([]);
    } finally {
      await store.close();
    }
  }, 240_000);
});
