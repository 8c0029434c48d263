import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ADMIRE_NOTE_MAX } from '../../../common/admire.ts';
import { rows } from '../../db/connection.ts';
import type { Member } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, members } from '../network/network-test-helpers.ts';

interface Card {
  handle: string;
  degree: number | null;
}
interface Entry {
  id: number;
  kind: 'member' | 'organisation';
  member: { person: Card; paths: Card[][] } | null;
  organisation: { name: string; slug: string; people: { person: Card; paths: Card[][] }[] } | null;
  note: string;
  stage: string;
  history: { stage: string; note: string; at: string }[];
}

describeEachEngine('admire list', (get) => {
  let n = 0;
  const people = (...names: string[]) => members(get().app, names.map((x) => `${x} Admire${++n}`));
  const count = async (m: Member) => (await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM admire_entries WHERE member_id = ${m.id}`))[0]!.n;
  const list = async (m: Member): Promise<Entry[]> => {
    const res = await m.call('GET', '/api/v1/admire');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const add = (m: Member, body: unknown) => m.call('POST', '/api/v1/admire', body);
  const expectCode = (res: { statusCode: number; body: string; json(): { code: string } }, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
  };

  it('adds a 3rd-degree member with the best paths, moves the pipeline forward, refuses a move back, and deletes', async () => {
    const [a, b, c, d] = await people('Ada', 'Ben', 'Cai', 'Dee');
    await connect(a!, b!);
    await connect(b!, c!);
    await connect(c!, d!);
    const created = await add(a!, { member: d!.handle, note: 'Built the grid co-op' });
    expect(created.statusCode, created.body).toBe(201);
    const entry: Entry = created.json().entry;
    expect(entry).toMatchObject({ kind: 'member', stage: 'identified', note: 'Built the grid co-op', organisation: null, member: { person: { handle: d!.handle, degree: 3 } } });
    expect(entry.member!.paths.map((p) => p.map((x) => x.handle))).toEqual([[b!.handle, c!.handle]]);

    // Forward by any number of steps; the same stage with a note keeps the note; never backwards.
    const moved = await a!.call('PATCH', `/api/v1/admire/${entry.id}`, { stage: 'replied', note: 'Answered on day one' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().entry).toMatchObject({ stage: 'replied', history: [{ stage: 'identified' }, { stage: 'replied', note: 'Answered on day one' }] });
    const noted = await a!.call('PATCH', `/api/v1/admire/${entry.id}`, { note: 'Coffee next week', entryNote: 'Grid co-op founder' });
    expect(noted.json().entry).toMatchObject({ stage: 'replied', note: 'Grid co-op founder', history: [{}, {}, { stage: 'replied', note: 'Coffee next week' }] });
    expectCode(await a!.call('PATCH', `/api/v1/admire/${entry.id}`, { stage: 'identified' }), 400, 'admire_stage_backwards');
    expect((await list(a!))[0]).toMatchObject({ stage: 'replied' });

    // Private to its owner: someone else's entry does not exist for them.
    expect((await b!.call('PATCH', `/api/v1/admire/${entry.id}`, { stage: 'met' })).statusCode).toBe(404);
    expect((await b!.call('DELETE', `/api/v1/admire/${entry.id}`)).statusCode).toBe(404);
    expect(await list(b!)).toEqual([]);

    expect((await a!.call('DELETE', `/api/v1/admire/${entry.id}`)).statusCode).toBe(204);
    expect(await list(a!)).toEqual([]);
    expect((await a!.call('DELETE', `/api/v1/admire/${entry.id}`)).statusCode).toBe(404);
  });

  it('moves an admired member to connected when the two connect (through the events outbox)', async () => {
    const [a, b, c] = await people('Ann', 'Bob', 'Cat');
    await connect(a!, b!);
    await connect(b!, c!);
    const { entry } = (await add(a!, { member: c!.handle })).json();
    await a!.call('PATCH', `/api/v1/admire/${entry.id}`, { stage: 'met' });
    await connect(a!, c!);
    const [after] = await list(a!);
    expect(after).toMatchObject({ stage: 'connected', member: { person: { degree: 1 }, paths: [] } });
    expect(after!.history.map((h) => h.stage)).toEqual(['identified', 'met', 'connected']);
    // Already connected: a new entry starts at connected.
    const [d] = await people('Dan');
    await connect(a!, d!);
    expect((await add(a!, { member: d!.handle })).json().entry.stage).toBe('connected');
  });

  it('lists the people I can reach at an organisation, nearest first, never one across a block', async () => {
    const org = `Solar Admire Co ${++n}`;
    const [a, b, near, far, blocker] = await people('Amy', 'Bea', 'Near', 'Far', 'Blocker');
    let slug = '';
    for (const m of [near!, far!, blocker!]) {
      const res = await m.call('PATCH', '/api/v1/me/profile', { experience: [{ organisation: org, title: 'Engineer', startDate: '2020-01', endDate: null }] });
      expect(res.statusCode, res.body).toBe(200);
      slug = res.json().profile.experience[0].organisation.slug;
    }
    await connect(a!, b!);
    await connect(b!, far!);
    await connect(a!, near!);
    await connect(a!, blocker!);
    await blocker!.call('PUT', `/api/v1/members/${a!.handle}/block`);
    const created = await add(a!, { organisation: slug });
    expect(created.statusCode, created.body).toBe(201);
    const entry: Entry = created.json().entry;
    expect(entry.organisation!.slug).toBe(slug);
    expect(entry.organisation!.people.map((p) => [p.person.handle, p.person.degree, p.paths.map((x) => x.map((y) => y.handle))])).toEqual([
      [near!.handle, 1, []],
      [far!.handle, 2, [[b!.handle]]],
    ]);
    expectCode(await add(a!, { organisation: slug }), 409, 'admire_duplicate');
  });

  it('never shows a path through someone on either side of a block, nor a member who has since blocked me', async () => {
    const [a, viaBlocker, viaOpen, c, d] = await people('Ari', 'Vib', 'Vio', 'Cid', 'Dot');
    for (const [x, y] of [[a, viaBlocker], [viaBlocker, c], [a, viaOpen], [viaOpen, c], [viaOpen, d]] as const) await connect(x!, y!);
    await viaBlocker!.call('PUT', `/api/v1/members/${a!.handle}/block`);
    const { entry } = (await add(a!, { member: c!.handle })).json();
    expect(entry.member.paths.map((p: Card[]) => p.map((x) => x.handle))).toEqual([[viaOpen!.handle]]);
    await add(a!, { member: d!.handle });
    await d!.call('PUT', `/api/v1/members/${a!.handle}/block`);
    const after = await list(a!);
    expect(after.map((e) => e.member?.person.handle ?? null)).toEqual([null, c!.handle]);
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const [a, b, blocked, blocker] = await people('Al', 'Bo', 'Blocked', 'Blocker');
    await blocked!.call('GET', '/api/v1/me');
    expect((await a!.call('PUT', `/api/v1/members/${blocked!.handle}/block`)).statusCode).toBeLessThan(300);
    expect((await blocker!.call('PUT', `/api/v1/members/${a!.handle}/block`)).statusCode).toBeLessThan(300);
    expectCode(await add(a!, {}), 400, 'admire_target_required');
    expectCode(await add(a!, { member: b!.handle, organisation: 'acme' }), 400, 'admire_target_required');
    expectCode(await add(a!, { member: 'nobody-here-at-all' }), 400, 'admire_member_unknown');
    expectCode(await add(a!, { member: blocked!.handle }), 400, 'admire_member_unknown');
    expectCode(await add(a!, { member: blocker!.handle }), 400, 'admire_member_unknown');
    expectCode(await add(a!, { organisation: 'no-such-organisation-anywhere' }), 400, 'admire_organisation_unknown');
    expectCode(await add(a!, { member: a!.handle }), 400, 'admire_self');
    expectCode(await add(a!, { member: b!.handle, note: 'x'.repeat(ADMIRE_NOTE_MAX + 1) }), 400, 'validation_failed');
    expectCode(await add(a!, { member: 'Not A Handle' }), 400, 'validation_failed');
    expect(await count(a!)).toBe(0);

    const { entry } = (await add(a!, { member: b!.handle })).json();
    expectCode(await add(a!, { member: b!.handle, note: 'again' }), 409, 'admire_duplicate');
    expectCode(await a!.call('PATCH', `/api/v1/admire/${entry.id}`, { stage: 'met', note: 'x'.repeat(ADMIRE_NOTE_MAX + 1) }), 400, 'validation_failed');
    expectCode(await a!.call('PATCH', `/api/v1/admire/${entry.id}`, { stage: 'friends' }), 400, 'validation_failed');
    expect((await list(a!))[0]).toMatchObject({ stage: 'identified', note: '', history: [{ stage: 'identified' }] });
    expect(await count(a!)).toBe(1);
  });
});
