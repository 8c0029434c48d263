/**
 * The feed's two-pass query (each author's newest post, then a bound, then only the authors at the top:
 * lists.ts feedPage) against the plain definition, on both engines: the same posts in the same order, page
 * after page, for every page size. The data is built to break a wrong bound: a suspended author with the
 * newest posts of all, a prolific author who fills whole pages alone, a followee whose newest posts are for
 * connections only, authors without posts, and many posts sharing one instant.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { members } from '../../db/schema.ts';
import { describeEachEngine } from '../../test/engines.ts';
import type { Lens } from '../../viewer/viewer.ts';
import { type FeedAuthor, feedPage } from './lists.ts';

describeEachEngine('feedPage: the two-pass query equals the plain one', (get) => {
  const db = () => get().database.db;
  let authors: FeedAuthor[] = [];
  let lens: Lens;

  beforeAll(async () => {
    const made = await db()
      .insert(members)
      .values(Array.from({ length: 12 }, (_, i) => ({ handle: `feedpage${i}`, email: `feedpage${i}@example.com`, status: i === 2 ? ('suspended' as const) : ('active' as const) })))
      .returning({ id: members.id });
    const [viewer, prolific, suspended, unconnected, quiet, silent, ...others] = made.map((m) => m.id);
    lens = { db: db(), actor: { id: viewer! }, avoid: new Set() } as unknown as Lens;
    authors = [
      { id: viewer!, connected: true },
      { id: prolific!, connected: true },
      { id: suspended!, connected: true },
      { id: unconnected!, connected: false },
      { id: quiet!, connected: false },
      { id: silent!, connected: true },
      ...others.map((id, i) => ({ id: id!, connected: i % 2 === 0 })),
    ];
    // Minutes since a fixed start, so the order is known; a third of the posts share one instant.
    const rowsIn: { author: number; minute: number; visibility: string }[] = [];
    const add = (author: number, minute: number, visibility = 'members') => rowsIn.push({ author, minute, visibility });
    for (let i = 0; i < 60; i++) add(prolific!, 1000 - i, i % 7 === 0 ? 'connections' : 'members');
    for (let i = 0; i < 30; i++) add(suspended!, 2000 - i);
    for (let i = 0; i < 12; i++) add(unconnected!, 1500 - i, i < 8 ? 'connections' : i % 2 ? 'followers' : 'members');
    add(quiet!, 10);
    add(quiet!, 995);
    add(viewer!, 998, 'connections');
    others.forEach((id, k) => {
      for (let i = 0; i < 5 + k; i++) add(id!, (k * 37 + i * 91) % 1100, i % 3 ? 'members' : 'followers');
    });
    for (let i = 0; i < rowsIn.length; i += 3) rowsIn[i]!.minute = 500;
    await db().execute(sql`
      INSERT INTO posts (author_id, text, visibility, created_at)
      SELECT a, 'Post ' || ordinality, v, timestamptz '2026-03-01T00:00:00Z' + m * interval '1 minute'
        FROM unnest(${`{${rowsIn.map((r) => r.author).join(',')}}`}::int[], ${`{${rowsIn.map((r) => r.minute).join(',')}}`}::int[],
                    ${`{${rowsIn.map((r) => r.visibility).join(',')}}`}::text[]) WITH ORDINALITY AS x(a, m, v)`);
  });

  it('gives the same pages as ordering every visible post, for every page size', async () => {
    const ids = `{${authors.map((a) => a.id).join(',')}}`;
    const connected = `{${authors.map((a) => (a.connected ? 't' : 'f')).join(',')}}`;
    const want = (
      await rows<{ id: string | number }>(
        db(),
        sql`SELECT p.id FROM posts p
              JOIN unnest(${ids}::int[], ${connected}::bool[]) AS f(author_id, connected) ON f.author_id = p.author_id
              JOIN members m ON m.id = p.author_id AND m.status = 'active'
             WHERE f.connected OR p.visibility <> 'connections'
             ORDER BY p.created_at DESC, p.id DESC`,
      )
    ).map((r) => Number(r.id));
    expect(want.length).toBeGreaterThan(100);
    for (const limit of [1, 3, 7, 20, 50]) {
      const got: number[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 500; pages++) {
        const page = await feedPage(lens, authors, { limit, ...(cursor ? { cursor } : {}) });
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        got.push(...page.rows);
        if (!page.nextCursor) break;
        expect(page.rows.length, 'only the last page may be short').toBe(limit);
        cursor = page.nextCursor;
      }
      expect(got, `pages of ${limit}`).toEqual(want);
    }
  });

  it('has no bound when fewer authors than a page have posts', async () => {
    const few = authors.slice(0, 5);
    const page = await feedPage(lens, few, { limit: 50 });
    const all = await feedPage(lens, few, { limit: 1 });
    expect(page.rows[0]).toBe(all.rows[0]);
    expect(page.rows.length).toBe(50);
  });
});
