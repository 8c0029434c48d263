import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../routes/network/network-test-helpers.ts';
import { type Member, signUp } from './client.ts';
import { describeEachEngine, type TestApp } from './engines.ts';
import { identifiesCaller, recordStatements } from './statement-counter.ts';
import { READ_CACHE_TTL_MS, readCachesOf } from '../viewer/read-caches.ts';

/**
 * SQL statements per request on the read spine: a profile in at most three round trips (none once the
 * read caches hold it), and lists whose cost does not grow with the page (hydration loads a page in one
 * statement per kind of record): lists of people, and the feed and the other lists of posts, comments and
 * reactions. Counts are taken with the read caches emptied first (recordStatements does it), so they do
 * not depend on what an earlier request left there.
 *
 * Identifying the caller is left out of the counts: it is the session cache's business, not the route's.
 */
async function statementsOf(t: TestApp, member: Member, url: string, options: { warm?: boolean } = {}): Promise<string[]> {
  return (await recorded(t, member, url, options)).statements;
}

/** The statements of one GET, and how many people its answer listed (items, or the people on its paths). */
async function recorded(t: TestApp, member: Member, url: string, options: { warm?: boolean } = {}): Promise<{ statements: string[]; listed: number }> {
  const { result, statements } = await recordStatements(t.database, () => member.call('GET', url), options);
  expect(result.statusCode, result.body).toBe(200);
  // With the read caches empty every one of these routes reads something: an empty recording means the counter missed the engine.
  if (!options.warm) expect(statements.length).toBeGreaterThan(0);
  const body = result.json<{ items?: unknown[]; paths?: unknown[][] }>();
  const listed = body.items?.length ?? new Set(body.paths?.flat().map((p) => (p as { id: number }).id)).size;
  return { statements: statements.filter((s) => !identifiesCaller(s)), listed };
}

/** Asserts a list costs as many statements for a page of 20 people as for a page of 2 (and really listed them). */
async function sameForTwoAndTwenty(t: TestApp, member: Member, two: string, twenty: string, listed = { two: 2, twenty: 20 }) {
  const small = await recorded(t, member, two);
  const large = await recorded(t, member, twenty);
  expect(small.listed, two).toBe(listed.two);
  expect(large.listed, twenty).toBe(listed.twenty);
  expect(large.statements.length, large.statements.join('\n---\n')).toBe(small.statements.length);
}

/** A request with the read caches empty: every route reads something, so an empty recording means the counter missed the engine. */
async function coldStatementsOf(t: TestApp, member: Member, url: string): Promise<string[]> {
  const statements = await statementsOf(t, member, url);
  expect(statements.length).toBeGreaterThan(0);
  return statements;
}

const caches = (t: TestApp) => readCachesOf(t.database.db)!;

describeEachEngine('SQL statements per request', (get) => {
  let viewer: Member;
  let hub: Member;
  let far: Member;
  let organisationSlug: string;
  const people: Member[] = [];
  const hubPosts: number[] = [];
  const writePost = async (m: Member, body: { text: string; repostOf?: number }) => {
    const res = await m.call('POST', '/api/v1/posts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };

  beforeAll(async () => {
    const { app } = get();
    viewer = await signUp(app, 'Vera Viewer');
    for (let i = 0; i < 20; i++) people.push(await signUp(app, `Person ${String(i).padStart(2, '0')}`));
    for (const p of people) await connect(p, viewer);
    // A member connected to the viewer and to all twenty: 20 connections of someone else, 20 mutuals.
    hub = await signUp(app, 'Hana Hub');
    await connect(hub, viewer);
    for (const p of people) await connect(p, hub);
    // A member two hops away through each of the twenty: as many introduction paths as asked for.
    far = await signUp(app, 'Fay Far');
    for (const p of people) await connect(p, far);
    // Twenty people at one organisation.
    for (const p of people) {
      const res = await p.call('PATCH', '/api/v1/me/profile', { experience: [{ organisation: 'Counting Ltd', title: 'Counter', startDate: '2020-01', endDate: null }] });
      expect(res.statusCode, res.body).toBe(200);
      organisationSlug = res.json<{ profile: { experience: { organisation: { slug: string } }[] } }>().profile.experience[0]!.organisation.slug;
    }
    // Mutual connections and a second degree, so hydration has something to count.
    await connect(people[0]!, people[1]!);
    await connect(people[1]!, people[2]!);
    // Conversation: the hub's twenty posts, then one post by each of the twenty (newest, so the feed's first
    // page has twenty authors), each mentioning the next and naming a topic; on the hub's first post twenty
    // comments, each with a reply, and twenty reactions.
    for (let i = 0; i < 20; i++) hubPosts.push(await writePost(hub, { text: `Hub post ${i}` }));
    for (let i = 0; i < 20; i++) {
      const mentioned = people[(i + 1) % 20]!;
      await writePost(people[i]!, { text: `Counting post ${i} with @${mentioned.handle} #counting`, ...(i % 5 === 0 ? { repostOf: hubPosts[i]! } : {}) });
    }
    for (const p of people) {
      const top = await p.call('POST', `/api/v1/posts/${hubPosts[0]!}/comments`, { text: `Comment by ${p.handle}` });
      expect(top.statusCode, top.body).toBe(201);
      const reply = await hub.call('POST', `/api/v1/posts/${hubPosts[0]!}/comments`, { text: `Thanks @${p.handle}`, parentId: top.json<{ id: number }>().id });
      expect(reply.statusCode, reply.body).toBe(201);
      expect((await p.call('PUT', `/api/v1/posts/${hubPosts[0]!}/reaction`, { kind: 'like' })).statusCode).toBe(200);
    }
    await warmUp(app);
    // However slow the machine, a second request finds what the first cached, and no entry gets old
    // enough to be refreshed in the background (a refresh's statement would land in another count).
    caches(get()).setTtl(600_000);
  }, 300_000);
  afterAll(() => caches(get()).setTtl(READ_CACHE_TTL_MS));

  // The first request of a process prepares things (plans, caches) that later ones reuse.
  async function warmUp(_app: FastifyInstance) {
    await viewer.call('GET', `/api/v1/members/${people[1]!.handle}`);
  }

  it('serves a profile with badge, mutuals and abilities in at most 3 statements cold, and none warm', async () => {
    const t = get();
    // A second-degree profile (people[2], through people[1]) and a connection's (people[1], with their origin invitation).
    for (const other of [people[2]!, people[1]!]) {
      const url = `/api/v1/members/${other.handle}`;
      const cold = await coldStatementsOf(t, viewer, url);
      expect(cold.length, cold.join('\n---\n')).toBeLessThanOrEqual(3);
      const warm = await statementsOf(t, viewer, url, { warm: true });
      expect(warm, warm.join('\n---\n')).toEqual([]);
    }
  });

  for (const [name, url] of [
    ['the member directory', '/api/v1/members?'],
    ['your connections', '/api/v1/me/connections?'],
    ['your followers', '/api/v1/me/followers?'],
  ] as const) {
    it(`lists ${name} in as many statements for 20 people as for 2`, async () => {
      const two = await coldStatementsOf(get(), viewer, `${url}limit=2`);
      const twenty = await coldStatementsOf(get(), viewer, `${url}limit=20`);
      expect(twenty.length, twenty.join('\n---\n')).toBe(two.length);
    });
  }

  it('lists who you follow in as many statements for 20 people as for 2', async () => {
    // Connecting follows both ways: the viewer follows the twenty and the hub.
    await sameForTwoAndTwenty(get(), viewer, '/api/v1/me/following?limit=2', '/api/v1/me/following?limit=20');
  });

  it("lists another member's connections in as many statements for 20 people as for 2", async () => {
    await sameForTwoAndTwenty(get(), viewer, `/api/v1/members/${hub.handle}/connections?limit=2`, `/api/v1/members/${hub.handle}/connections?limit=20`);
  });

  it('lists the members of an organisation in as many statements for 20 people as for 2', async () => {
    const url = `/api/v1/organisations/${organisationSlug}/members?limit=`;
    await sameForTwoAndTwenty(get(), viewer, `${url}2`, `${url}20`);
  });

  it('lists mutual connections in as many statements for 20 people as for 2', async () => {
    await sameForTwoAndTwenty(get(), viewer, `/api/v1/members/${hub.handle}/mutuals?limit=2`, `/api/v1/members/${hub.handle}/mutuals?limit=20`);
  });

  it('finds 10 introduction paths in as many statements as 2', async () => {
    // Each path is [viewer, one of the twenty, Fay]: 2 paths show 4 people, 10 show 12.
    const url = `/api/v1/members/${far.handle}/paths?k=`;
    await sameForTwoAndTwenty(get(), viewer, `${url}2`, `${url}10`, { two: 4, twenty: 12 });
  });

  it('serves the feed in as many statements for 20 posts (their authors, mentions and reposted originals) as for 2', async () => {
    await sameForTwoAndTwenty(get(), viewer, '/api/v1/feed?limit=2', '/api/v1/feed?limit=20');
  });

  it('serves the Top order in as many statements for 20 posts, with their engagement and social proof, as for 2', async () => {
    await sameForTwoAndTwenty(get(), viewer, '/api/v1/feed?order=top&limit=2', '/api/v1/feed?order=top&limit=20');
  });

  it("lists a member's posts, and a topic's, in as many statements for 20 as for 2", async () => {
    await sameForTwoAndTwenty(get(), viewer, `/api/v1/members/${hub.handle}/posts?limit=2`, `/api/v1/members/${hub.handle}/posts?limit=20`);
    await sameForTwoAndTwenty(get(), viewer, '/api/v1/topics/counting/posts?limit=2', '/api/v1/topics/counting/posts?limit=20');
  });

  it("lists a post's comments, each with its reply, in as many statements for 20 threads as for 2", async () => {
    const url = `/api/v1/posts/${hubPosts[0]!}/comments?limit=`;
    await sameForTwoAndTwenty(get(), viewer, `${url}2`, `${url}20`);
  });

  it('lists who reacted in as many statements for 20 people as for 2', async () => {
    const url = `/api/v1/posts/${hubPosts[0]!}/reactions?limit=`;
    await sameForTwoAndTwenty(get(), viewer, `${url}2`, `${url}20`);
  });

  it('lists the operators their members in as many statements for 20 as for 2', async () => {
    // The viewer signed up first, so is the operator.
    await sameForTwoAndTwenty(get(), viewer, '/api/v1/admin/members?limit=2', '/api/v1/admin/members?limit=20');
  });

  it('lists the members you blocked in as many statements for 20 as for 2', async () => {
    // A member of their own, so that no other list here loses anyone to a block.
    const blocker = await signUp(get().app, 'Bo Blocker');
    const block = async (p: Member) => expect((await blocker.call('PUT', `/api/v1/members/${p.handle}/block`)).statusCode).toBe(200);
    for (const p of people.slice(0, 2)) await block(p);
    const two = await recorded(get(), blocker, '/api/v1/me/blocks');
    for (const p of people.slice(2)) await block(p);
    const twenty = await recorded(get(), blocker, '/api/v1/me/blocks');
    expect([two.listed, twenty.listed]).toEqual([2, 20]);
    expect(twenty.statements.length, twenty.statements.join('\n---\n')).toBe(two.statements.length);
  });

  it('lists your conversations in as many statements for 20 as for 2, and in 3', async () => {
    // Twenty conversations of the viewer's: one-to-ones and a group, each with members to hydrate and a last message.
    for (const p of people.slice(0, 19)) {
      expect((await viewer.call('POST', '/api/v1/conversations', { to: [p.handle], text: `Hello ${p.handle}` })).statusCode).toBe(201);
    }
    const group = await viewer.call('POST', '/api/v1/conversations', { to: [hub.handle, people[19]!.handle, far.handle], text: 'A group' });
    expect(group.statusCode, group.body).toBe(201);
    await sameForTwoAndTwenty(get(), viewer, '/api/v1/conversations?limit=2', '/api/v1/conversations?limit=20');
    // The viewer's standing, the page (members, last message and unread count included), the people's records.
    const statements = await coldStatementsOf(get(), viewer, '/api/v1/conversations?limit=20');
    expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(3);
  });

  it("lists a conversation's messages in as many statements for 20 as for 2, and in 4", async () => {
    // Twenty messages from five senders in one group.
    const senders = [viewer, ...people.slice(0, 4)];
    const started = await viewer.call('POST', '/api/v1/conversations', { to: senders.slice(1).map((p) => p.handle), text: 'Message 0' });
    const { id } = started.json<{ id: number }>();
    for (let i = 1; i < 20; i++) {
      const res = await senders[i % senders.length]!.call('POST', `/api/v1/conversations/${id}/messages`, { text: `Message ${i}` });
      expect(res.statusCode, res.body).toBe(201);
    }
    const url = `/api/v1/conversations/${id}/messages?limit=`;
    await sameForTwoAndTwenty(get(), viewer, `${url}2`, `${url}20`);
    // The viewer's standing, their place in the conversation, the page, the senders' records.
    const statements = await coldStatementsOf(get(), viewer, `${url}20`);
    expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(4);
  });
});
