import { beforeAll, expect, it } from 'vitest';
import { searchCandidates } from '../../queries/search-members.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { identifiesCaller, recordStatements } from '../../test/statement-counter.ts';
import { connect } from '../network/network-test-helpers.ts';

describeEachEngine('people search: typos, prefixes and closeness first', (get) => {
  let viewer: Member;
  let friend: Member;
  const people: Record<string, Member> = {};

  beforeAll(async () => {
    const { app } = get();
    viewer = await signUp(app, 'Rank Viewer');
    friend = await signUp(app, 'Fred Bridge');
    for (const name of ['Giuseppe Verdi', 'Anna Bergstrom', 'Anna Berg', 'Anna Olsen', 'Anna Kowalski']) people[name] = await signUp(app, name);
    await connect(viewer, friend);
    // Anna Bergstrom is a friend of a friend: 2nd degree. Anna Berg is out of the viewer's network.
    await connect(friend, people['Anna Bergstrom']!);
  });

  const search = async (qs: string) => {
    const res = await viewer.call('GET', `/api/v1/search/members?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { handle: string; degree: number | null }[]; nextCursor: string | null };
  };
  const handles = (r: { items: { handle: string }[] }) => r.items.map((i) => i.handle);

  it('finds a name through a typo in it', async () => {
    expect(handles(await search('q=Guiseppe'))).toEqual([people['Giuseppe Verdi']!.handle]);
    expect(handles(await search('q=guiseppe%20verdi'))).toEqual([people['Giuseppe Verdi']!.handle]);
  });

  it('finds a name by the first letters of its last word, as it is typed', async () => {
    expect(handles(await search('q=Giu'))).toEqual([people['Giuseppe Verdi']!.handle]);
    expect(handles(await search('q=verdi%20giu'))).toEqual([people['Giuseppe Verdi']!.handle]);
    expect(handles(await search('q=Giuz'))).toEqual([]);
  });

  it('ranks a 2nd-degree Anna ahead of an out-of-network Anna whose name matches better', async () => {
    const db = get().database.db;
    const scores = new Map(
      (await searchCandidates(db, { id: viewer.id, isAdmin: false }, { q: 'anna berg', limit: 20 }, { exclude: new Set(), connectionsOnly: false, pool: 200 }))
        .map((c) => [c.id, c.score]),
    );
    // The premise: on text alone, Anna Berg is the better match.
    expect(scores.get(people['Anna Berg']!.id)!).toBeGreaterThan(scores.get(people['Anna Bergstrom']!.id)!);

    const r = await search('q=anna%20berg');
    expect(r.items.map((i) => [i.handle, i.degree])).toEqual([
      [people['Anna Bergstrom']!.handle, 2],
      [people['Anna Berg']!.handle, null],
    ]);
  });

  it('orders every bucket by degree, then score, and pages through it by cursor without repeats or gaps', async () => {
    const all = await search('q=anna&limit=50');
    expect(all.items[0]).toMatchObject({ handle: people['Anna Bergstrom']!.handle, degree: 2 });
    expect(all.items).toHaveLength(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await search(`q=anna&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...handles(r));
      cursor = r.nextCursor;
    } while (cursor);
    expect(seen).toEqual(handles(all));
  });

  it('filters by degree without passing a degree set to SQL', async () => {
    expect(handles(await search('q=anna&degree=2'))).toEqual([people['Anna Bergstrom']!.handle]);
    expect(handles(await search('q=anna&degree=1'))).toEqual([]);
    expect(handles(await search('q=fred&degree=1'))).toEqual([friend.handle]);
    expect(handles(await search('degree=1'))).toEqual([friend.handle]);
  });

  it('keeps the viewer’s own connections in the pool however many others match', async () => {
    const annaFriend = await signUp(get().app, 'Anna Friend');
    await connect(viewer, annaFriend);
    const db = get().database.db;
    // A pool of one per source: the documents' scan gives one Anna, the connections' scan the viewer's Anna.
    const pool = await searchCandidates(db, { id: viewer.id, isAdmin: false }, { q: 'anna', limit: 20 }, { exclude: new Set(), connectionsOnly: false, pool: 1 });
    expect(pool.length).toBeLessThanOrEqual(2);
    expect(pool.map((c) => c.id)).toContain(annaFriend.id);
    expect((await search('q=anna')).items[0]).toMatchObject({ handle: annaFriend.handle, degree: 1 });
  });

  it('answers a search in a fixed number of SQL statements, whatever the number of hits', async () => {
    const count = async (qs: string) => {
      const { statements } = await recordStatements(get().database, () => search(qs));
      return statements.filter((st) => !identifiesCaller(st)).length;
    };
    await search('q=anna'); // warm: nothing cached on first use should count
    // The viewer's blocks, the vocabulary for words not asked in the last minute, the candidate pool, and
    // the page hydrated (records and connection states in one statement). Identifying the caller is left
    // out: the credential cache's business.
    expect(await count('q=anna')).toBe(3);
    // "giuseppe" is asked for the first time here (the tests above asked "guiseppe").
    expect(await count('q=giuseppe%20verdi')).toBe(4);
    expect(await count('q=giuseppe%20verdi')).toBe(3);
    // Without text there is no vocabulary to consult; a page with no hits hydrates nobody.
    expect(await count('degree=1')).toBe(3);
    expect(await count('q=zzzzqqqq')).toBe(3);
    expect(await count('q=zzzzqqqq')).toBe(2);
  });
});
