import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Member } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, members } from '../network/network-test-helpers.ts';

interface Count {
  value: string | null;
  label: string;
  count: number;
  kind: string;
}
interface Dimension {
  name: string;
  counts: Count[];
  known: number;
  unknown: number;
  blau: number | null;
  shannon: number | null;
  baseline: { percentile: number; median: number | null; members: number } | null;
}

const profile = async (m: Member, patch: Record<string, unknown>) => {
  const res = await m.call('PATCH', '/api/v1/me/profile', patch);
  expect(res.statusCode, res.body).toBe(200);
};

describeEachEngine('the garden over the API', (get) => {
  it('counts my connections per dimension, with Blau, Shannon, unknowns, the baseline and the gaps; never anyone else', async () => {
    const { app, database } = get();
    const [ana, ben, cy, dee, eve, fay, gus] = await members(app, ['Ana Garden', 'Ben Garden', 'Cy Garden', 'Dee Garden', 'Eve Garden', 'Fay Garden', 'Gus Garden']);
    await profile(ben!, { location: 'Milan', industry: 'Finance', careerStage: 'early', birthYear: 1990 });
    await profile(cy!, { location: ' milan', industry: 'finance', careerStage: 'mid', birthYear: 1960 });
    await profile(dee!, { location: 'Rome', industry: 'Law', careerStage: 'senior' });
    await profile(eve!, { location: 'Turin', industry: 'Art', careerStage: 'student' });
    await profile(fay!, { location: 'Naples', industry: 'Health' });
    await profile(gus!, { location: 'Bari', industry: 'Retail' });
    for (const other of [ben!, cy!, dee!, eve!, gus!]) await connect(ana!, other);
    // Ben allows his age band to count; Cy gave a year of birth but did not allow it.
    await database.db.execute(sql`UPDATE profiles SET age_band_shared = true WHERE member_id = ${ben!.id}`);
    // Gus is suspended: he counts nowhere (as in every list of people).
    await database.db.execute(sql`UPDATE members SET status = 'suspended' WHERE id = ${gus!.id}`);
    // Fay is no connection of Ana's; Eve blocks Ana.
    await connect(fay!, ben!);
    expect((await eve!.call('PUT', `/api/v1/members/${ana!.handle}/block`)).statusCode).toBe(200);

    const res = await ana!.call('GET', '/api/v1/me/garden');
    expect(res.statusCode, res.body).toBe(200);
    const garden = res.json<{ connections: number; dimensions: Dimension[]; clusters: unknown[]; bridges: unknown[]; gaps: unknown[] }>();
    expect(garden.connections).toBe(3);
    expect(garden.clusters).toEqual([]);
    expect(garden.bridges).toEqual([]);
    const by = new Map(garden.dimensions.map((d) => [d.name, d]));
    expect([...by.keys()]).toEqual(['industry', 'function', 'careerStage', 'location', 'organisation', 'ageBand']);
    const location = by.get('location')!;
    expect(location.counts).toEqual([
      { value: 'milan', label: 'Milan', count: 2, kind: 'value' },
      { value: 'rome', label: 'Rome', count: 1, kind: 'value' },
    ]);
    expect(location.blau).toBeCloseTo(1 - ((2 / 3) ** 2 + (1 / 3) ** 2));
    expect(location.shannon).toBeCloseTo(-((2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3)));
    // Nobody said a function: all unknown, and no index.
    expect(by.get('function')).toMatchObject({ known: 0, unknown: 3, blau: null, shannon: null, baseline: null, counts: [{ value: null, label: 'unknown', count: 3, kind: 'unknown' }] });
    // Only Ben's age band: he allowed it; Cy's year of birth stays private.
    const age = by.get('ageBand')!;
    expect(age.known).toBe(1);
    expect(age.unknown).toBe(2);
    // The baseline was computed on demand (the rollup was empty): Ana, Ben and Fay have networks with a known place.
    expect(location.baseline).not.toBeNull();
    expect(location.baseline!.members).toBeGreaterThanOrEqual(1);
    expect(garden.gaps).toContainEqual({ code: 'garden.no_career_stage', params: { stage: 'student' }, widen: { careerStage: 'student' } });

    // A changed profile of a connection reaches the cached garden at once.
    await profile(dee!, { location: 'Milan' });
    const after = (await ana!.call('GET', '/api/v1/me/garden?dimension=location')).json<{ dimensions: Dimension[]; gaps: unknown[] }>();
    expect(after.dimensions).toHaveLength(1);
    expect(after.dimensions[0]!.counts).toEqual([{ value: 'milan', label: 'Milan', count: 3, kind: 'value' }]);
    expect(after.dimensions[0]!.blau).toBe(0);
    expect(after.gaps).toContainEqual({ code: 'garden.all_in_one', params: { dimension: 'location', value: 'Milan', count: 3 }, widen: { notLocation: 'Milan' } });

    // So does a block: Ana blocks Dee, who leaves her garden.
    expect((await ana!.call('PUT', `/api/v1/members/${dee!.handle}/block`)).statusCode).toBe(200);
    const blocked = (await ana!.call('GET', '/api/v1/me/garden')).json<{ connections: number }>();
    expect(blocked.connections).toBe(2);
  });

  it('answers 400 to an unknown dimension and 401 signed out; an empty network is an empty garden', async () => {
    const { app } = get();
    const [ana] = await members(app, ['Ana Empty']);
    const bad = await ana!.call('GET', '/api/v1/me/garden?dimension=zodiac');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/garden' })).statusCode).toBe(401);
    const empty = (await ana!.call('GET', '/api/v1/me/garden')).json<{ connections: number; dimensions: Dimension[]; gaps: unknown[] }>();
    expect(empty.connections).toBe(0);
    expect(empty.gaps).toEqual([]);
    expect(empty.dimensions.every((d) => d.counts.length === 0 && d.blau === null)).toBe(true);
  });

  it('filters people you may know to widen a gap, and refuses an unknown career stage', async () => {
    const { app } = get();
    const [ana, ben, gus, hal, ivy] = await members(app, ['Ana Widen', 'Ben Widen', 'Gus Widen', 'Hal Widen', 'Ivy Widen']);
    await profile(gus!, { careerStage: 'early', location: 'Milan' });
    await profile(hal!, { careerStage: 'senior', location: 'Rome' });
    await profile(ivy!, { careerStage: 'senior' });
    await connect(ana!, ben!);
    for (const other of [gus!, hal!, ivy!]) await connect(ben!, other);
    const handles = async (query: string) => {
      const res = await ana!.call('GET', `/api/v1/suggestions/people?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json<{ items: { person: { handle: string } }[] }>().items.map((i) => i.person.handle)).sort();
    };
    expect(await handles('limit=10')).toEqual([gus!.handle, hal!.handle, ivy!.handle].sort());
    expect(await handles('careerStage=early')).toEqual([gus!.handle]);
    // "Not in Milan" means someone who said another place, not someone who said nothing.
    expect(await handles('notLocation=milan')).toEqual([hal!.handle]);
    expect(await handles('careerStage=senior&location=ROME')).toEqual([hal!.handle]);
    expect(await handles('careerStage=senior&limit=1')).toHaveLength(1);
    const bad = await ana!.call('GET', '/api/v1/suggestions/people?careerStage=wizard');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
  });
}, () => ({ graphWorkers: 1 }));
