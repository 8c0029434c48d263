/**
 * The Top order of the home feed: engagement by the viewer's own people (connections, members they follow)
 * moves a post up more than strangers' does, each post says who of them engaged ("Ana and 2 others from
 * your network reacted") naming only people the viewer may see, and paging never repeats or skips a post
 * however engagement changes between pages.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import type { Member } from '../../test/client.ts';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';
import { comment, ids, post, signUpAll } from './post-test-helpers.ts';

interface Item {
  id: number;
  socialProof?: { people: { handle: string; degree: number | null }[]; total: number; action: string } | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

describeEachEngine('the home feed in the Top order', (get) => {
  let n = 0;
  const member = (name: string) => signUp(get().app, `${name} ${++n}`);
  const db = () => get().database.db;
  /** Moves a post back in time, as if written `hours` ago. */
  const age = (postId: number, hours: number) => db().execute(sql`UPDATE posts SET created_at = now() - make_interval(secs => ${hours * 3600}) WHERE id = ${postId}`);
  const react = async (m: Member, postId: number) => expect((await m.call('PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'like' })).statusCode).toBe(200);
  const top = async (m: Member, cursor?: string, limit = 20): Promise<Page> => {
    const res = await m.call('GET', `/api/v1/feed?order=top&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };
  const follow = async (a: Member, b: Member) => expect((await a.call('PUT', `/api/v1/members/${b.handle}/follow`)).statusCode).toBe(200);

  describe('ranking and social proof', () => {
    // Vic reads. Ana and Bea write (Vic is connected to both); Cat is Vic's connection, Fox is followed by Vic,
    // Sam, Sol and Sid are strangers to Vic, Fof is a friend of Cat's (2nd degree to Vic).
    let vic: Member, ana: Member, bea: Member, cat: Member, fox: Member, sam: Member, sol: Member, sid: Member, fof: Member, bo: Member;
    let byConnection: number, byStrangers: number, plain: number;

    beforeAll(async () => {
      [vic, ana, bea, cat, fox, sam, sol, sid, fof, bo] = await signUpAll(member, 'Vic Viewer', 'Ana Author', 'Bea Author', 'Cat Connection', 'Fox Followed', 'Sam Stranger', 'Sol Stranger', 'Sid Stranger', 'Fof Second', 'Bo Blocker');
      await connect(vic, ana);
      await connect(vic, bea);
      await connect(vic, cat);
      await connect(cat, fof);
      await connect(vic, bo);
      await follow(vic, fox);
      byConnection = await post(ana, 'Liked by a connection');
      byStrangers = await post(bea, 'Liked by three strangers');
      plain = await post(ana, 'Nobody reacted yet');
      // Four hours ago, both; the plain one an hour ago.
      await age(byConnection, 4);
      await age(byStrangers, 4);
      await age(plain, 1);
      await react(cat, byConnection);
      for (const s of [sam, sol, sid]) await react(s, byStrangers);
      await react(fof, byStrangers);
    });

    it('moves a post one connection liked above newer ones, and one that only strangers liked less far', async () => {
      expect(await ids(vic, '/api/v1/feed?order=recent')).toEqual([plain, byStrangers, byConnection]);
      // One like from a connection is worth six hours; four strangers' (0.4) a little under three.
      expect((await top(vic)).items.map((i) => i.id)).toEqual([byConnection, plain, byStrangers]);
    });

    it('names the connection who reacted, and never a stranger or a friend of a friend', async () => {
      const items = new Map((await top(vic)).items.map((i) => [i.id, i.socialProof]));
      expect(items.get(byConnection)).toEqual({
        people: [expect.objectContaining({ handle: cat.handle, degree: 1 })],
        total: 1,
        action: 'reacted',
      });
      expect(items.get(byStrangers)).toBeNull();
      expect(items.get(plain)).toBeNull();
      // The recent order carries no social proof at all.
      const recent = (await vic.call('GET', '/api/v1/feed?order=recent')).json<Page>();
      expect(recent.items.every((i) => i.socialProof === undefined)).toBe(true);
    });

    it('counts everyone of theirs, names two, connections first, and says whether they reacted, commented or both', async () => {
      const busy = await post(bea, 'A busy post');
      await comment(fox, busy, 'A comment from someone Vic follows');
      expect((await top(vic)).items.find((i) => i.id === busy)?.socialProof).toEqual({
        people: [expect.objectContaining({ handle: fox.handle })],
        total: 1,
        action: 'commented',
      });
      await react(ana, busy);
      await react(cat, busy);
      const proof = (await top(vic)).items.find((i) => i.id === busy)?.socialProof;
      expect(proof?.total).toBe(3);
      expect(proof?.action).toBe('both');
      // Connections before someone only followed, then the latest first.
      expect(proof?.people.map((p) => p.handle)).toEqual([cat.handle, ana.handle]);
      // The author's own engagement and the viewer's never count.
      await comment(bea, busy, 'Thanks all');
      await react(vic, busy);
      expect((await top(vic)).items.find((i) => i.id === busy)?.socialProof?.total).toBe(3);
    });

    it('neither names nor counts someone across a block', async () => {
      const blocked = await post(ana, 'Bo reacts, then blocks Vic');
      await react(bo, blocked);
      expect((await top(vic)).items.find((i) => i.id === blocked)?.socialProof?.people.map((p) => p.handle)).toEqual([bo.handle]);
      expect((await bo.call('PUT', `/api/v1/members/${vic.handle}/block`)).statusCode).toBe(200);
      expect((await top(vic)).items.find((i) => i.id === blocked)?.socialProof).toBeNull();
    });
  });

  describe('paging', () => {
    let reader: Member, writer: Member, friend: Member;
    let windowIds: number[] = [];
    let olderIds: number[] = [];

    beforeAll(async () => {
      [reader, writer, friend] = await signUpAll(member, 'Rae Reader', 'Wes Writer', 'Fay Friend');
      await connect(reader, writer);
      await connect(reader, friend);
      // 105 posts over the last 35 hours (one every 20 minutes) and 3 written five days ago: the window is the
      // newest 100; the other 5 and the old 3 follow in the recent order.
      await db().execute(
        sql`INSERT INTO posts (author_id, text, visibility, created_at)
            SELECT ${writer.id}::int, 'Post ' || g, 'members', now() - make_interval(mins => g * 20)
              FROM generate_series(1, 105) g
            UNION ALL
            SELECT ${writer.id}::int, 'Old post ' || g, 'members', now() - make_interval(days => 5, mins => g)
              FROM generate_series(1, 3) g`,
      );
      const made = await rows<{ id: string | number }>(db(), sql`SELECT id FROM posts WHERE author_id = ${writer.id} ORDER BY created_at DESC, id DESC`);
      const all = made.map((r) => Number(r.id));
      windowIds = all.slice(0, 100);
      olderIds = all.slice(100);
    });

    it('shows every post exactly once while engagement comes and goes between pages, then the older ones newest first', async () => {
      // Before the first page, a friend's comment (worth 9.5 hours) lifts a 15-hour-old post to just under the
      // 5.7-hour-old one.
      const lifted = windowIds[45]!;
      const friendly = await comment(friend, lifted, 'Worth reading');
      const seen: number[] = [];
      let page = await top(reader, undefined, 30);
      seen.push(...page.items.map((i) => i.id));
      expect(page.items.map((i) => i.id)).toEqual([...windowIds.slice(0, 17), lifted, ...windowIds.slice(17, 29)]);
      // Between pages: the comment goes, so the lifted post sinks below where page 1 ended (it must not come
      // back); a 13-hour-old post gains a connection's like, worth six hours, so it comes next, before the
      // 10-hour-old one.
      expect((await friend.call('DELETE', `/api/v1/comments/${friendly}`)).statusCode).toBe(204);
      const risen = windowIds[39]!;
      await react(friend, risen);
      let pages = 1;
      while (page.nextCursor) {
        expect(page.nextCursor.length).toBeLessThanOrEqual(1500);
        page = await top(reader, page.nextCursor, 30);
        if (pages === 1) expect(page.items.slice(0, 2).map((i) => i.id)).toEqual([risen, windowIds[29]]);
        pages++;
        seen.push(...page.items.map((i) => i.id));
        // A post written meanwhile is for the next reading ("N new posts"), not this one.
        if (pages === 2) await post(writer, 'Written while Rae was reading');
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort((a, b) => a - b)).toEqual([...windowIds, ...olderIds].sort((a, b) => a - b));
      // The window's 100 first (in 4 pages: 30, 30, 30 and the last 10 with the 8 older posts), then the older ones newest first.
      expect(pages).toBe(4);
      expect(seen.slice(100)).toEqual(olderIds);
    });

    it('refuses a forged cursor, and reads a recent cursor as the older posts', async () => {
      const forged = Buffer.from(JSON.stringify({ a: '2026-01-01T00:00:00.000000Z', bt: '2026-01-01T00:00:00.000000Z', bi: 1, s: 'not an id set' })).toString('base64url');
      const res = await reader.call('GET', `/api/v1/feed?order=top&cursor=${forged}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_cursor' });
      const first = await top(reader, undefined, 30);
      // A Top cursor is not a cursor of the recent order.
      expect((await reader.call('GET', `/api/v1/feed?order=recent&cursor=${first.nextCursor}`)).statusCode).toBe(400);
      const recent = (await reader.call('GET', '/api/v1/feed?order=recent&limit=2')).json<Page>();
      expect((await top(reader, recent.nextCursor!, 2)).items.map((i) => i.id)).toEqual(
        (await reader.call('GET', `/api/v1/feed?order=recent&limit=2&cursor=${recent.nextCursor}`)).json<Page>().items.map((i) => i.id),
      );
    });
  });
});
