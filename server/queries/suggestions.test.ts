/**
 * People you may know, on hand-built communities written straight into the tables, on both engines. The
 * graph is loaded from the tables the way the app loads it (GraphService); one test also runs the SQL
 * reference implementation of the graph and expects the same suggestions.
 */
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection.ts';
import {
  blocks,
  connections,
  educations,
  experiences,
  invitations,
  members,
  organisations,
  profiles,
  suggestionDismissals,
} from '../db/schema.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { GraphService } from '../graph/service.ts';
import { SqlGraphIndex } from '../graph/sql.ts';
import { describeEachEngine } from '../test/engines.ts';
import { type PeopleSuggestion, suggestPeople } from './suggestions.ts';
import { overlapsFrom } from './suggestions/overlap.ts';
import { candidateScore, type CandidateFacts } from './suggestions/score.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

interface MemberOpts {
  location?: string;
  industry?: string;
  status?: 'active' | 'suspended';
  visibility?: 'signed_in' | 'network';
}

/** A community written directly into the tables, in batches. */
class Community {
  private n = 0;
  constructor(readonly db: Db) {}

  /** Members with empty profiles apart from the name; ids in the order of the names. */
  async members<const N extends readonly string[]>(names: N, opts: MemberOpts = {}): Promise<{ -readonly [K in keyof N]: number }> {
    const ids: number[] = [];
    for (let i = 0; i < names.length; i += 1000) {
      const chunk = names.slice(i, i + 1000);
      const rowsIn = chunk.map(() => {
        const k = ++this.n;
        return { handle: `m${k}`, email: `m${k}@example.com`, status: opts.status ?? ('active' as const) };
      });
      const created = await this.db.insert(members).values(rowsIn).returning({ id: members.id });
      await this.db.insert(profiles).values(
        created.map((c, j) => ({
          memberId: c.id,
          name: chunk[j]!,
          location: opts.location ?? '',
          industry: opts.industry ?? '',
          visibility: opts.visibility ?? ('signed_in' as const),
        })),
      );
      ids.push(...created.map((c) => c.id));
    }
    return ids as { -readonly [K in keyof N]: number };
  }

  async member(name: string, opts: MemberOpts = {}): Promise<number> {
    return (await this.members([name], opts))[0]!;
  }

  async org(name: string, kind: 'company' | 'school' = 'company'): Promise<number> {
    const key = name.toLowerCase();
    const [o] = await this.db.insert(organisations).values({ name, nameKey: key, slug: key.replace(/\W+/g, '-'), kind }).returning({ id: organisations.id });
    return o!.id;
  }

  async jobs(list: [member: number, org: number, start: string, end: string | null][]): Promise<void> {
    for (let i = 0; i < list.length; i += 2000) {
      await this.db.insert(experiences).values(
        list.slice(i, i + 2000).map(([memberId, organisationId, startDate, endDate], j) => ({ memberId, organisationId, organisationName: 'Organisation', title: 'Role', startDate, endDate, position: j % 100 })),
      );
    }
  }

  async studies(list: [member: number, school: number, start: number | null, end: number | null][]): Promise<void> {
    for (let i = 0; i < list.length; i += 2000) {
      await this.db.insert(educations).values(
        list.slice(i, i + 2000).map(([memberId, organisationId, startYear, endYear], j) => ({ memberId, organisationId, organisationName: 'School', startYear, endYear, position: j % 100 })),
      );
    }
  }

  /** Connections, both directions, made on 2024-01-01 unless dated. */
  async connect(pairs: [number, number, Date?][]): Promise<void> {
    const values = pairs.flatMap(([a, b, d]) => {
      const createdAt = d ?? new Date(Date.UTC(2024, 0, 1));
      return [
        { memberId: a, otherId: b, createdAt, originContext: 'import' },
        { memberId: b, otherId: a, createdAt, originContext: 'import' },
      ];
    });
    for (let i = 0; i < values.length; i += 5000) await this.db.insert(connections).values(values.slice(i, i + 5000)).onConflictDoNothing();
  }

  async invite(
    from: number,
    to: number,
    status: (typeof invitations.$inferInsert)['status'],
    opts: { createdAt?: number; respondedAt?: number } = {},
  ): Promise<void> {
    const created = opts.createdAt ?? NOW - 10 * DAY;
    await this.db.insert(invitations).values({
      senderId: from,
      recipientId: to,
      context: 'profile',
      status,
      createdAt: new Date(created),
      expiresAt: new Date(created + 182 * DAY),
      respondedAt: opts.respondedAt === undefined ? null : new Date(opts.respondedAt),
    });
  }

  async block(blocker: number, blocked: number): Promise<void> {
    await this.db.insert(blocks).values({ blockerId: blocker, blockedId: blocked });
  }

  async dismiss(member: number, other: number, atMs: number): Promise<void> {
    await this.db.insert(suggestionDismissals).values({ memberId: member, otherId: other, dismissedAt: new Date(atMs) });
  }

  async suspend(id: number): Promise<void> {
    await this.db.update(members).set({ status: 'suspended' }).where(sql`id = ${id}`);
  }

  async graph(): Promise<GraphIndex> {
    return (await GraphService.load(this.db)).index;
  }
}

const ids = (s: PeopleSuggestion[]) => s.map((x) => x.memberId);
/** The reasons' English renderings, as the web shows them. */
const texts = (s: PeopleSuggestion) => s.reasons.map((r) => r.text);
const byId = (s: PeopleSuggestion[], id: number) => {
  const found = s.find((x) => x.memberId === id);
  if (!found) throw new Error(`member ${id} was not suggested: ${JSON.stringify(s)}`);
  return found;
};

describe('suggestion score (pure)', () => {
  const base: CandidateFacts = { graphScore: 0, overlaps: [], bridge: false, samePlace: false, sameIndustry: false, dismissedAtMs: null, ignored: false, removed: false };
  it('gives diminishing returns on mutual evidence and a bonus for bridging to another organisation', () => {
    const one = candidateScore({ ...base, graphScore: 1 }, NOW);
    const ten = candidateScore({ ...base, graphScore: 10 }, NOW);
    expect(ten).toBeGreaterThan(one);
    expect(ten / one).toBeLessThan(4);
    expect(candidateScore({ ...base, graphScore: 1, bridge: true }, NOW)).toBeCloseTo(one * 1.15, 12);
  });
  it('keeps place and industry below one mutual connection with an ordinary network', () => {
    const placeAndIndustry = candidateScore({ ...base, samePlace: true, sameIndustry: true }, NOW);
    expect(placeAndIndustry).toBeGreaterThan(0);
    expect(placeAndIndustry).toBeLessThan(candidateScore({ ...base, graphScore: 1 / Math.log(20) }, NOW));
  });
  it('discounts a dismissal strongly for 90 days and less after', () => {
    const s = candidateScore({ ...base, graphScore: 1 }, NOW);
    expect(candidateScore({ ...base, graphScore: 1, dismissedAtMs: NOW - 89 * DAY }, NOW)).toBeCloseTo(s * 0.1, 12);
    expect(candidateScore({ ...base, graphScore: 1, dismissedAtMs: NOW - 91 * DAY }, NOW)).toBeCloseTo(s * 0.5, 12);
  });
});

describe('overlaps (pure)', () => {
  const day = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(2000, 0, 1)) / DAY);
  it('counts connected colleagues in the cohort but never returns them', () => {
    const got = overlapsFrom(
      [
        { kind: 'org', id: 5, orgId: 1, connected: false, start: day('2020-01-01'), end: null, viewerStart: day('2019-01-01'), viewerEnd: null },
        { kind: 'org', id: 6, orgId: 1, connected: true, start: day('2021-01-01'), end: null, viewerStart: day('2019-01-01'), viewerEnd: null },
        { kind: 'org', id: 7, orgId: 1, connected: false, start: day('2010-01-01'), end: day('2018-12-31'), viewerStart: day('2019-01-01'), viewerEnd: null },
      ],
      new Map([[1, 'Acme']]),
      NOW,
    );
    expect(got).toEqual([expect.objectContaining({ id: 5, orgName: 'Acme', cohort: 2, fromYear: 2020, toYear: null, yearsSince: 0 })]);
  });
  it('reads study years as half-open, single years as one year, and old open entries as four-year courses', () => {
    const school = (start: number | null, end: number | null, viewerStart: number | null, viewerEnd: number | null) =>
      overlapsFrom([{ kind: 'school', id: 9, orgId: 2, connected: false, start, end, viewerStart, viewerEnd }], new Map([[2, 'Uni']]), NOW)[0];
    expect(school(2015, 2019, 2019, 2023)).toBeUndefined();
    expect(school(2015, 2019, 2018, 2022)).toMatchObject({ fromYear: 2018, toYear: 2019, years: 1 });
    expect(school(2014, 2014, 2012, 2016)).toMatchObject({ fromYear: 2014, toYear: 2014, years: 1 });
    expect(school(2023, null, 2024, null)).toMatchObject({ fromYear: 2024, toYear: null, yearsSince: 0 });
    expect(school(1990, null, 1992, 1996)).toMatchObject({ fromYear: 1992, toYear: 1994, years: 2 });
    expect(school(null, 2015, 2012, 2016)).toBeUndefined();
  });
  it('clamps jobs that end in the future to today and treats them as ongoing', () => {
    const [o] = overlapsFrom(
      [{ kind: 'org', id: 5, orgId: 1, connected: false, start: day('2024-01-01'), end: day('2030-01-01'), viewerStart: day('2025-03-01'), viewerEnd: null }],
      new Map([[1, 'Acme']]),
      NOW,
    );
    expect(o).toMatchObject({ fromYear: 2025, toYear: null, yearsSince: 0 });
    expect(o!.years).toBeCloseTo((NOW - Date.UTC(2025, 2, 1)) / DAY / 365.25, 6);
  });
});

describeEachEngine('people you may know', (get) => {
  let c: Community;
  beforeEach(async () => {
    const { db } = get().database;
    await db.execute(sql`TRUNCATE members, organisations, events RESTART IDENTITY CASCADE`);
    c = new Community(db);
  });
  const suggest = async (viewer: number, limit = 20, nowMs = NOW, graph?: GraphIndex) =>
    suggestPeople({ db: c.db, graph: graph ?? (await c.graph()) }, viewer, limit, { nowMs });

  it('ranks friends of friends by Adamic–Adar and names the most relevant mutual connections', async () => {
    const v = await c.member('Viola Viewer');
    const [ana, li, hub] = await c.members(['Ana Ruiz', 'Li Wei', 'Hub Open']);
    const [x, y, z] = await c.members(['Xavier Three', 'Yara One', 'Zoe Two']);
    const fillers = await c.members(Array.from({ length: 30 }, (_, i) => `Filler ${i}`));
    await c.connect([
      [v, ana], [v, li], [v, hub],
      [x, ana], [x, li], [x, hub],
      [y, ana],
      [z, ana], [z, li],
      ...fillers.map((f): [number, number] => [hub, f]),
    ]);
    const got = await suggest(v);
    expect(ids(got).slice(0, 3)).toEqual([x, z, y]);
    // Ana has 4 connections and Li 3, so Li is the more telling shared contact; the hub (33) is not named.
    expect(texts(byId(got, x))).toEqual(['3 mutual connections: Li Wei, Ana Ruiz and 1 other']);
    expect(texts(byId(got, z))).toEqual(['2 mutual connections: Li Wei and Ana Ruiz']);
    expect(texts(byId(got, y))).toEqual(['1 mutual connection: Ana Ruiz']);
    // The codes and parameters a translation renders from: the count, and at most two names.
    expect(byId(got, x).reasons).toEqual([
      { code: 'suggestion.mutual_connections', params: { count: 3, names: ['Li Wei', 'Ana Ruiz'] }, text: '3 mutual connections: Li Wei, Ana Ruiz and 1 other' },
    ]);
    expect(byId(got, y).reasons[0]).toMatchObject({ code: 'suggestion.mutual_connections', params: { count: 1, names: ['Ana Ruiz'] } });
    expect(byId(got, x)).toMatchObject({ mutualCount: 3, degree: 2, mutuals: [li, ana] });
    // The hub's other connections are friends of friends too, each through one open networker.
    expect(texts(byId(got, fillers[0]!))).toEqual(['1 mutual connection: Hub Open']);
    expect(byId(got, fillers[0]!).score).toBeLessThan(byId(got, y).score);
  });

  it('suggests colleagues and classmates whose time overlapped, longer and more recent first', async () => {
    const acme = await c.org('Acme');
    const globex = await c.org('Globex');
    const uni = await c.org('Lisbon University', 'school');
    const v = await c.member('Viola Viewer');
    const [recent, early, long, current, late, classmate, after, oneYear] = await c.members([
      'Rita Recent', 'Eve Early', 'Lou Long', 'Cai Current', 'Lee Late', 'Cleo Classmate', 'Al After', 'Oni Year',
    ]);
    await c.jobs([
      [v, acme, '2015-03-01', '2024-06-30'],
      [v, globex, '2024-09-01', null],
      [recent, acme, '2022-01-10', '2025-03-31'],
      [early, acme, '2012-01-01', '2016-02-01'],
      [long, acme, '2016-05-01', '2022-04-30'],
      [current, globex, '2025-01-15', null],
      [late, acme, '2024-07-15', null], // joined after the viewer left: no overlap
    ]);
    await c.studies([
      [v, uni, 2011, 2015],
      [classmate, uni, 2013, 2017],
      [after, uni, 2015, 2019], // [2015, 2019) starts as [2011, 2015) ends: no overlap
      [oneYear, uni, 2014, 2014],
    ]);
    const got = await suggest(v);
    expect(ids(got)).not.toContain(late);
    expect(ids(got)).not.toContain(after);
    expect(texts(byId(got, recent))).toEqual(['Both at Acme, 2022–2024']);
    expect(texts(byId(got, early))).toEqual(['Both at Acme, 2015–2016']);
    expect(texts(byId(got, long))).toEqual(['Both at Acme, 2016–2022']);
    expect(texts(byId(got, current))).toEqual(['Both at Globex since 2025']);
    expect(texts(byId(got, classmate))).toEqual(['Both studied at Lisbon University, 2013–2015']);
    expect(texts(byId(got, oneYear))).toEqual(['Both studied at Lisbon University in 2014']);
    // Ongoing overlaps carry no end year; schools name the school.
    expect(byId(got, recent).reasons.map((r) => [r.code, r.params])).toEqual([['suggestion.same_organisation', { organisation: 'Acme', fromYear: 2022, toYear: 2024 }]]);
    expect(byId(got, current).reasons.map((r) => [r.code, r.params])).toEqual([['suggestion.same_organisation', { organisation: 'Globex', fromYear: 2025 }]]);
    expect(byId(got, classmate).reasons.map((r) => [r.code, r.params])).toEqual([['suggestion.same_school', { school: 'Lisbon University', fromYear: 2013, toYear: 2015 }]]);
    // Six years together ending four years ago beat two ending two years ago, which beat one long ago.
    const rank = (id: number) => ids(got).indexOf(id);
    expect(rank(long)).toBeLessThan(rank(recent));
    expect(rank(recent)).toBeLessThan(rank(early));
    for (const s of got) expect(s.mutualCount).toBe(0);
  });

  it('weighs a small shared organisation above a large one, and mutuals and history together', async () => {
    const tiny = await c.org('Tiny Studio');
    const big = await c.org('Big Corp');
    const v = await c.member('Viola Viewer');
    const [small, large, both] = await c.members(['Sam Small', 'Lara Large', 'Bo Both']);
    const crowd = await c.members(Array.from({ length: 40 }, (_, i) => `Big ${i}`));
    const [ana, hub] = await c.members(['Ana Ruiz', 'Hub Open']);
    // The same years at both: only the size of the cohort differs.
    await c.jobs([
      [v, tiny, '2018-01-01', '2020-12-31'],
      [v, big, '2018-01-01', '2020-12-31'],
      [small, tiny, '2018-01-01', '2020-12-31'],
      [large, big, '2018-01-01', '2020-12-31'],
      [both, tiny, '2019-01-01', '2020-12-31'],
      ...crowd.map((m): [number, number, string, string] => [m, big, '2018-01-01', '2020-12-31']),
    ]);
    const hubFriends = await c.members(Array.from({ length: 60 }, (_, i) => `Hub friend ${i}`));
    await c.connect([[v, ana], [both, ana], [v, hub], [large, hub], ...hubFriends.map((f): [number, number] => [hub, f])]);
    const got = await suggest(v, 100);
    const rank = (id: number) => ids(got).indexOf(id);
    expect(rank(both)).toBe(0);
    expect(rank(small)).toBe(1);
    expect(rank(large)).toBeGreaterThan(rank(small));
    expect(rank(large)).toBeLessThan(rank(crowd[0]!));
    // Reasons by weight: a mutual with two connections says more than a year and a half at the studio…
    expect(texts(byId(got, both))).toEqual(['1 mutual connection: Ana Ruiz', 'Both at Tiny Studio, 2019–2020']);
    // …while an open networker with 62 connections says less than three years in a 42-person cohort.
    expect(texts(byId(got, large))).toEqual(['Both at Big Corp, 2018–2020', '1 mutual connection: Hub Open']);
    expect(texts(byId(got, small))).toEqual(['Both at Tiny Studio, 2018–2020']);
  });

  it('adds place and industry as the weakest signals, after the others', async () => {
    const v = await c.member('Viola Viewer', { location: 'Lisbon', industry: 'Software' });
    const ana = await c.member('Ana Ruiz');
    const [friend, local, stranger] = await c.members(['Fi Friend', 'Lu Local', 'Sy Stranger']);
    await c.db.update(profiles).set({ location: ' lisbon', industry: 'software' }).where(sql`member_id IN (${friend}, ${local})`);
    await c.db.update(profiles).set({ location: 'Porto', industry: 'Farming' }).where(sql`member_id = ${stranger}`);
    const y = await c.member('Yara One');
    await c.connect([[v, ana], [friend, ana], [y, ana]]);
    const got = await suggest(v);
    expect(ids(got)).toEqual([friend, y, local]);
    expect(texts(byId(got, friend))).toEqual(['1 mutual connection: Ana Ruiz', 'Also in Lisbon', 'Also in Software']);
    expect(texts(byId(got, local))).toEqual(['Also in Lisbon', 'Also in Software']);
    // The viewer's own spelling of the place and industry, which the two share.
    expect(byId(got, local).reasons.map((r) => [r.code, r.params])).toEqual([
      ['suggestion.same_place', { place: 'Lisbon' }],
      ['suggestion.same_industry', { industry: 'Software' }],
    ]);
    expect(byId(got, local)).toMatchObject({ mutualCount: 0, degree: null });
  });

  it('never suggests the viewer, connections, open invitations, blocks, "I don\'t know" or suspended members', async () => {
    const acme = await c.org('Acme');
    const v = await c.member('Viola Viewer', { location: 'Lisbon' });
    const ana = await c.member('Ana Ruiz', { location: 'Lisbon' });
    const names = ['connected', 'invitedByMe', 'invitedMe', 'ignoredMe', 'iBlocked', 'blockedMe', 'iDontKnow', 'theyDontKnow', 'theyDontKnowLongAgo', 'suspended', 'withdrawnRecently', 'withdrawnLongAgo', 'expiredLongAgo', 'control'];
    const list = await c.members(names, { location: 'Lisbon' });
    const m = Object.fromEntries(names.map((n, i) => [n, list[i]!])) as Record<string, number>;
    await c.jobs([v, ana, ...list].map((id): [number, number, string, null] => [id, acme, '2020-01-01', null]));
    await c.connect([[v, ana], [v, m.connected!], ...list.map((id): [number, number] => [id, ana])]);
    await c.invite(v, m.invitedByMe!, 'pending');
    await c.invite(m.invitedMe!, v, 'pending');
    await c.invite(m.ignoredMe!, v, 'ignored', { respondedAt: NOW - DAY });
    await c.block(v, m.iBlocked!);
    await c.block(m.blockedMe!, v);
    await c.invite(m.iDontKnow!, v, 'dont_know', { createdAt: NOW - 400 * DAY, respondedAt: NOW - 399 * DAY });
    // The viewer's invitations answered "I don't know": to the viewer they look ignored, so one still waiting is
    // excluded and one past its expiry is free again, discounted like any long silence.
    await c.invite(v, m.theyDontKnow!, 'dont_know', { respondedAt: NOW - 9 * DAY });
    await c.invite(v, m.theyDontKnowLongAgo!, 'dont_know', { createdAt: NOW - 400 * DAY, respondedAt: NOW - 399 * DAY });
    await c.suspend(m.suspended!);
    await c.invite(v, m.withdrawnRecently!, 'withdrawn', { respondedAt: NOW - 5 * DAY });
    await c.invite(v, m.withdrawnLongAgo!, 'withdrawn', { createdAt: NOW - 60 * DAY, respondedAt: NOW - 50 * DAY });
    // Pending but past its expiry date: the pair is free again (and the silence is discounted).
    await c.invite(v, m.expiredLongAgo!, 'pending', { createdAt: NOW - 200 * DAY });

    const got = await suggest(v);
    expect(ids(got).sort((a, b) => a - b)).toEqual([m.withdrawnLongAgo!, m.expiredLongAgo!, m.theyDontKnowLongAgo!, m.control!].sort((a, b) => a - b));
    expect(byId(got, m.theyDontKnowLongAgo!).score).toBeCloseTo(byId(got, m.expiredLongAgo!).score, 10);
    // Fourteen colleagues since 2020 weigh more than one shared contact who knows all fifteen of them.
    expect(texts(byId(got, m.control!))).toEqual(['Both at Acme since 2020', '1 mutual connection: Ana Ruiz', 'Also in Lisbon']);
    expect(byId(got, m.expiredLongAgo!).score).toBeCloseTo(byId(got, m.control!).score * 0.3, 10);
    // From the other side, too: the blocked and the refused do not see the viewer either.
    for (const other of [m.iBlocked!, m.blockedMe!, m.theyDontKnow!, m.theyDontKnowLongAgo!, m.invitedMe!, m.invitedByMe!, m.ignoredMe!]) {
      expect(ids(await suggest(other))).not.toContain(v);
    }
    // The sender the viewer answered "I don't know" long ago is not told so: the viewer comes back to them as
    // after any expired invitation (an invitation they send now is never delivered).
    expect(ids(await suggest(m.iDontKnow!))).toContain(v);
    expect(ids(await suggest(m.control!))).toContain(v);
  });

  it('never names a blocked or suspended member as a mutual connection', async () => {
    const v = await c.member('Viola Viewer');
    const [ana, blocker, gone, x] = await c.members(['Ana Ruiz', 'Bea Blocker', 'Sue Suspended', 'Xavier X']);
    // A connection row that a block has not yet removed must still never surface the blocker.
    await c.connect([[v, ana], [v, blocker], [v, gone], [x, ana], [x, blocker], [x, gone]]);
    await c.block(blocker, v);
    await c.suspend(gone);
    const got = await suggest(v);
    expect(ids(got)).toEqual([x]);
    expect(texts(got[0]!)).toEqual(['1 mutual connection: Ana Ruiz']);
    expect(got[0]).toMatchObject({ mutualCount: 1, mutuals: [ana] });
  });

  it('hides a network-only profile from members beyond three degrees', async () => {
    const acme = await c.org('Acme');
    const v = await c.member('Viola Viewer');
    const [open, closed] = await c.members(['Otto Open', 'Cloe Closed']);
    await c.db.update(profiles).set({ visibility: 'network' }).where(sql`member_id = ${closed}`);
    await c.jobs([[v, acme, '2020-01-01', null], [open, acme, '2020-01-01', null], [closed, acme, '2020-01-01', null]]);
    expect(ids(await suggest(v))).toEqual([open]);
    // Within three degrees the profile is visible, and so is the shared employer.
    const [a, b] = await c.members(['A', 'B']);
    await c.connect([[v, a], [a, b], [b, closed]]);
    const got = await suggest(v);
    expect(byId(got, closed)).toMatchObject({ degree: 3 });
    expect(texts(byId(got, closed))).toEqual(['Both at Acme since 2020']);
  });

  it('discounts dismissed suggestions, strongly for 90 days, and long-ignored or removed ones', async () => {
    const v = await c.member('Viola Viewer');
    const ana = await c.member('Ana Ruiz');
    const [dismissed, ignoredByMe, ignoredMe, removed, control] = await c.members(['Dee Dismissed', 'Ian Ignored', 'Ivy Ignorer', 'Rex Removed', 'Cy Control']);
    await c.connect([[v, ana], ...[dismissed, ignoredByMe, ignoredMe, removed, control].map((id): [number, number] => [id, ana])]);
    await c.dismiss(v, dismissed, NOW - 10 * DAY);
    await c.invite(ignoredByMe, v, 'expired', { createdAt: NOW - 300 * DAY, respondedAt: NOW - 118 * DAY });
    await c.invite(v, ignoredMe, 'expired', { createdAt: NOW - 300 * DAY, respondedAt: NOW - 118 * DAY });
    await c.invite(v, removed, 'accepted', { createdAt: NOW - 300 * DAY, respondedAt: NOW - 299 * DAY });

    const got = await suggest(v);
    expect(ids(got)).toEqual([control, ignoredByMe, ignoredMe, removed, dismissed]);
    const full = byId(got, control).score;
    expect(byId(got, dismissed).score).toBeCloseTo(full * 0.1, 10);
    expect(byId(got, ignoredByMe).score).toBeCloseTo(full * 0.3, 10);
    expect(byId(got, ignoredMe).score).toBeCloseTo(full * 0.3, 10);
    expect(byId(got, removed).score).toBeCloseTo(full * 0.2, 10);
    // After 90 days the dismissal weighs less.
    const later = await suggest(v, 20, NOW + 100 * DAY);
    expect(byId(later, dismissed).score).toBeCloseTo(byId(later, control).score * 0.5, 10);
    expect(ids(later).indexOf(dismissed)).toBeLessThan(ids(later).indexOf(removed));
  });

  it('is deterministic, and agrees with the SQL reference graph', async () => {
    const acme = await c.org('Acme');
    const people = await c.members(Array.from({ length: 60 }, (_, i) => `Person ${i}`), { location: 'Lisbon', industry: 'Software' });
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pairs: [number, number][] = [];
    for (const a of people) for (const b of people) if (a < b && rnd() < 0.08) pairs.push([a, b]);
    await c.connect(pairs);
    await c.jobs(people.filter(() => rnd() < 0.5).map((id): [number, number, string, string | null] => [id, acme, `20${10 + Math.floor(rnd() * 10)}-01-01`, rnd() < 0.5 ? null : '2021-06-30']));
    const viewer = people[0]!;
    const csr = await c.graph();
    const first = await suggest(viewer, 20, NOW, csr);
    expect(first.length).toBe(20);
    expect(await suggest(viewer, 20, NOW, csr)).toEqual(first);
    const reference = new SqlGraphIndex(c.db, {
      connections: { table: 'connections', a: 'member_id', b: 'other_id', createdAt: 'created_at' },
      follows: { table: 'follows', follower: 'follower_id', followee: 'followee_id' },
    });
    const viaSql = await suggest(viewer, 20, NOW, reference);
    expect(viaSql.map((s) => [s.memberId, s.reasons, s.mutualCount])).toEqual(first.map((s) => [s.memberId, s.reasons, s.mutualCount]));
    viaSql.forEach((s, i) => expect(s.score).toBeCloseTo(first[i]!.score, 12));
    for (let i = 1; i < first.length; i++) expect(first[i - 1]!.score).toBeGreaterThanOrEqual(first[i]!.score);
    // Ranking stops early once the rest cannot make the list: a short list is the head of a long one.
    expect(await suggest(viewer, 3, NOW, csr)).toEqual(first.slice(0, 3));
  });
});

/**
 * A 2,000-member community with clusters by organisation, place and industry, a few open networkers, and
 * the usual debris (invitations in every state, blocks, dismissals, suspensions). Checks every sampled
 * viewer's suggestions against the tables, and reports the time per call (never asserted: see DESIGN.md).
 */
describeEachEngine('people you may know on a 2,000-member community', (get) => {
  it('keeps every rule for every sampled viewer, and reports the time per call', async (ctx) => {
    const { db } = get().database;
    const c = new Community(db);
    let seed = 20_261_123;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const N = 2000, CLUSTERS = 25;
    const places = ['Lisbon', 'Porto', 'Madrid', 'Berlin', 'Paris', 'London', 'Dublin', 'Remote'];
    const industries = ['Software', 'Finance', 'Health', 'Education', 'Energy', 'Retail'];
    const orgs: number[] = [];
    for (let i = 0; i < 60; i++) orgs.push(await c.org(`Company ${i}`));
    const schools: number[] = [];
    for (let i = 0; i < 10; i++) schools.push(await c.org(`School ${i}`, 'school'));
    const people: number[] = [];
    for (let i = 0; i < N; i++) {
      const cluster = i % CLUSTERS;
      people.push(await c.member(`Person ${i}`, { location: places[cluster % places.length]!, industry: industries[cluster % industries.length]! }));
    }
    const cl = (idx: number) => idx % CLUSTERS;
    const jobs: [number, number, string, string | null][] = [];
    const studies: [number, number, number | null, number | null][] = [];
    people.forEach((id, i) => {
      let year = 2004 + Math.floor(rnd() * 12);
      const n = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < n; j++) {
        const org = rnd() < 0.7 ? orgs[(cl(i) * 2 + j) % orgs.length]! : pick(orgs);
        const len = 1 + Math.floor(rnd() * 6);
        const end = j === n - 1 && rnd() < 0.7 ? null : year + len;
        jobs.push([id, org, `${year}-0${1 + Math.floor(rnd() * 9)}-01`, end === null ? null : `${Math.min(end, 2026)}-0${1 + Math.floor(rnd() * 5)}-15`]);
        if (end === null) break;
        year = Math.min(end, 2025);
      }
      if (rnd() < 0.8) {
        const start = 1995 + Math.floor(rnd() * 25);
        studies.push([id, schools[cl(i) % schools.length]!, start, start + 3 + Math.floor(rnd() * 3)]);
      }
    });
    await c.jobs(jobs);
    await c.studies(studies);
    const pairs = new Map<string, [number, number, Date]>();
    const link = (a: number, b: number) => {
      if (a === b) return;
      const key = a < b ? `${a}:${b}` : `${b}:${a}`;
      if (!pairs.has(key)) pairs.set(key, [a, b, new Date(Date.UTC(2012 + Math.floor(rnd() * 14), Math.floor(rnd() * 12), 1))]);
    };
    people.forEach((id, i) => {
      const degree = Math.floor(4 / Math.pow(1 - rnd() * 0.95, 0.9)); // heavy tail, mean ≈ 12 per member (≈ 24 edges each end)
      for (let k = 0; k < degree; k++) {
        const j = rnd() < 0.75 ? (Math.floor(rnd() * (N / CLUSTERS)) * CLUSTERS + cl(i)) % N : Math.floor(rnd() * N);
        link(id, people[j]!);
      }
    });
    for (const hub of people.slice(0, 5)) for (let k = 0; k < 400; k++) link(hub, pick(people));
    await c.connect([...pairs.values()]);
    for (let k = 0; k < 400; k++) await c.invite(pick(people), pick(people), pick(['pending', 'pending', 'ignored', 'dont_know', 'expired', 'withdrawn'] as const), { createdAt: NOW - Math.floor(rnd() * 300) * DAY, respondedAt: NOW - DAY }).catch(() => undefined);
    for (let k = 0; k < 60; k++) await c.block(pick(people), pick(people)).catch(() => undefined);
    for (let k = 0; k < 300; k++) await c.dismiss(pick(people), pick(people), NOW - Math.floor(rnd() * 200) * DAY).catch(() => undefined);
    for (const id of people.slice(-20)) await c.suspend(id);
    await get().database.vacuumAnalyze();
    const graph = await c.graph();

    // What the tables say must never be suggested, computed independently of the query under test.
    const forbiddenFor = async (v: number): Promise<Set<number>> => {
      const found = await db.execute(sql`
        SELECT other_id AS id FROM connections WHERE member_id = ${v}
        UNION SELECT blocked_id FROM blocks WHERE blocker_id = ${v} UNION SELECT blocker_id FROM blocks WHERE blocked_id = ${v}
        UNION SELECT CASE WHEN sender_id = ${v} THEN recipient_id ELSE sender_id END FROM invitations
          WHERE (sender_id = ${v} OR recipient_id = ${v})
            AND ((status = 'dont_know' AND recipient_id = ${v}) OR (status IN ('pending', 'ignored', 'dont_know') AND expires_at > ${new Date(NOW)}))
        UNION SELECT id FROM members WHERE status = 'suspended' UNION SELECT ${v}::int`);
      return new Set((found as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id)));
    };

    const viewers = people.slice(0, 1980).filter((_, i) => i % 9 === 0); // 220, including the hubs
    for (const v of viewers.slice(0, 20)) await suggestPeople({ db, graph }, v, 20, { nowMs: NOW }); // warm-up
    const times: number[] = [];
    let withReasons = 0, fromTables = 0;
    for (const v of viewers) {
      const t0 = performance.now();
      const got = await suggestPeople({ db, graph }, v, 20, { nowMs: NOW });
      times.push(performance.now() - t0);
      expect(got.length).toBe(20);
      const forbidden = await forbiddenFor(v);
      for (const s of got) {
        expect(forbidden.has(s.memberId), `viewer ${v} was suggested ${s.memberId}`).toBe(false);
        expect(s.reasons.length).toBeGreaterThan(0);
        for (const z of s.mutuals) expect(forbidden.has(z) && !(await graph.degrees(v, [z]))[0], `viewer ${v} cites ${z}`).toBe(false);
        if (s.mutualCount === 0) fromTables++;
        withReasons++;
      }
      for (let i = 1; i < got.length; i++) expect(got[i - 1]!.score).toBeGreaterThanOrEqual(got[i]!.score);
    }
    // Mutual counts against the tables (a cited mutual found suspended is dropped from the count), and a
    // short list is the head of a longer one from the same friend-of-friend pool, whatever the batches.
    const suspended = new Set(people.slice(-20));
    for (const v of viewers.slice(0, 15)) {
      const long = await suggestPeople({ db, graph }, v, 30, { nowMs: NOW });
      expect(await suggestPeople({ db, graph }, v, 20, { nowMs: NOW })).toEqual(long.slice(0, 20));
      expect(await suggestPeople({ db, graph }, v, 5, { nowMs: NOW })).toEqual(long.slice(0, 5));
      for (const s of long) {
        const common = (
          (await db.execute(sql`SELECT a.other_id AS id FROM connections a JOIN connections b ON b.member_id = ${s.memberId} AND b.other_id = a.other_id
            WHERE a.member_id = ${v} AND NOT EXISTS (SELECT 1 FROM blocks k WHERE (k.blocker_id = ${v} AND k.blocked_id = a.other_id) OR (k.blocked_id = ${v} AND k.blocker_id = a.other_id))`)) as unknown as { rows: { id: number }[] }
        ).rows.map((r) => Number(r.id));
        expect(s.mutualCount).toBeLessThanOrEqual(common.length);
        expect(s.mutualCount).toBeGreaterThanOrEqual(common.length - common.filter((z) => suspended.has(z)).length);
        expect(s.degree).toBe(common.length > 0 ? 2 : s.degree);
        for (const z of s.mutuals) expect(common).toContain(z);
      }
    }
    // Act on what viewers were actually shown: each kind of exclusion removes exactly that member.
    for (const v of viewers.slice(20, 40)) {
      const before = await suggestPeople({ db, graph }, v, 20, { nowMs: NOW });
      const [invited, ignorer, blocked, blocker, stranger, suspendedNow, friend] = ids(before);
      await c.invite(v, invited!, 'pending');
      await c.invite(ignorer!, v, 'ignored', { respondedAt: NOW - DAY });
      await c.block(v, blocked!);
      await c.block(blocker!, v);
      await c.invite(stranger!, v, 'dont_know', { respondedAt: NOW - DAY });
      await c.suspend(suspendedNow!);
      await c.connect([[v, friend!]]);
      await graph.addConnection(v, friend!, NOW);
      const gone = new Set([invited, ignorer, blocked, blocker, stranger, suspendedNow, friend]);
      const after = await suggestPeople({ db, graph }, v, 20, { nowMs: NOW });
      expect(ids(after).filter((id) => gone.has(id))).toEqual([]);
      for (const s of after) for (const z of s.mutuals) expect([blocked, blocker, suspendedNow]).not.toContain(z);
      expect(after.length).toBe(20);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
    const mean = (times.reduce((s, t) => s + t, 0) / times.length).toFixed(2);
    const line = `suggestPeople top 20 on ${N} members, ${pairs.size} connections [${get().engine}]: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms, mean ${mean} ms over ${times.length} viewers (${fromTables}/${withReasons} suggestions without mutuals)`;
    await ctx.annotate(line);
    console.log(line);
  }, 300_000);
});
