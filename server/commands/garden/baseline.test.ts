import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { BLAU_BINS, blauBin, GARDEN_DIMENSIONS } from '../../garden/diversity.ts';
import { assembleGarden } from '../../queries/garden/garden.ts';
import { loadBaselines } from '../../queries/garden/baseline.ts';
import { loadGardenRows } from '../../queries/garden/network.ts';
import { members } from '../../routes/network/network-test-helpers.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { refreshGardenBaselines } from './baseline.ts';

const INDUSTRIES = ['Finance', ' finance', 'Law', 'Art', '', 'Health'];
const PLACES = ['Milan', 'milan ', 'Rome', 'Turin', '', 'Bari', 'Naples'];
const STAGES = ['student', 'early', 'mid', 'senior', null];

describeEachEngine('the garden baseline job', (get) => {
  it("keeps, per dimension, the histogram of every member's own garden Blau, as each garden page counts it", async () => {
    const { app, database } = get();
    const db = database.db;
    const people = await members(app, Array.from({ length: 16 }, (_, i) => `Base Line${String.fromCharCode(65 + i)}`));
    const ids = people.map((p) => p.id);
    for (const [i, id] of ids.entries()) {
      await db.execute(sql`UPDATE profiles SET industry = ${INDUSTRIES[i % INDUSTRIES.length]!}, location = ${PLACES[i % PLACES.length]!},
                                               function = ${i % 3 === 0 ? 'Engineering' : i % 3 === 1 ? 'Sales' : ''},
                                               career_stage = ${STAGES[i % STAGES.length]}, birth_year = ${1950 + i * 4},
                                               age_band_shared = ${i % 2 === 0} WHERE member_id = ${id}`);
    }
    // Three organisations; a current position for most, an ended one for some, two current ones for one.
    const orgs: number[] = [];
    for (const name of ['Acme', 'Globex', 'Initech']) {
      const [o] = await rows<{ id: number }>(db, sql`INSERT INTO organisations (name, name_key, slug) VALUES (${name}, ${`baseline ${name.toLowerCase()}`}, ${`baseline-${name.toLowerCase()}`}) RETURNING id`);
      orgs.push(Number(o!.id));
    }
    for (const [i, id] of ids.entries()) {
      if (i % 5 === 4) continue;
      const ended = i % 4 === 3 ? sql`'2020-01-01'::date` : sql`NULL`;
      await db.execute(sql`INSERT INTO experiences (member_id, organisation_id, title, start_date, end_date, position, organisation_name)
                           VALUES (${id}, ${orgs[i % 3]!}, 'Role', '2019-01-01', ${ended}, 0, 'x')`);
      if (i === 6) {
        await db.execute(sql`INSERT INTO experiences (member_id, organisation_id, title, start_date, position, organisation_name)
                             VALUES (${id}, ${orgs[2]!}, 'Second role', '2021-01-01', 1, 'x')`);
      }
    }
    // A ring with chords, both directions as the product keeps them; one member suspended, one block.
    for (let i = 0; i < ids.length; i++) {
      for (const step of [1, 2, 5]) {
        const a = ids[i]!, b = ids[(i + step) % ids.length]!;
        await db.execute(sql`INSERT INTO connections (member_id, other_id, origin_context) VALUES (${a}, ${b}, 'test'), (${b}, ${a}, 'test') ON CONFLICT DO NOTHING`);
      }
    }
    await db.execute(sql`UPDATE members SET status = 'suspended' WHERE id = ${ids[3]!}`);
    await db.execute(sql`INSERT INTO blocks (blocker_id, blocked_id) VALUES (${ids[0]!}, ${ids[1]!})`);

    await refreshGardenBaselines(db);

    // Every active member's garden, as the page computes it, and the same Blau formula the rollup uses.
    const expected = new Map(GARDEN_DIMENSIONS.map((d) => [d, { bins: new Array<number>(BLAU_BINS).fill(0), blaus: [] as number[] }]));
    for (const [i, id] of ids.entries()) {
      if (i === 3) continue;
      const { rows: gardenRows } = await loadGardenRows(db, id);
      for (const d of assembleGarden(gardenRows, new Map()).dimensions) {
        const counts = d.counts.filter((c) => c.kind !== 'unknown');
        // "other" gathers values past the top 12; this world has fewer, so every count is one value.
        expect(counts.every((c) => c.kind === 'value')).toBe(true);
        const n = counts.map((c) => c.count), total = n.reduce((s, x) => s + x, 0);
        if (total < 2) continue;
        const blau = 1 - n.reduce((s, x) => s + x * x, 0) / (total * total);
        expect(blau).toBeCloseTo(d.blau!, 12);
        expected.get(d.name)!.bins[blauBin(blau)]! += 1;
        expected.get(d.name)!.blaus.push(blau);
      }
    }
    const held = await loadBaselines(db);
    for (const d of GARDEN_DIMENSIONS) {
      const want = expected.get(d)!;
      const got = held.get(d)!;
      expect({ dimension: d, bins: got.bins }).toEqual({ dimension: d, bins: want.bins });
      expect(got.members).toBe(want.blaus.length);
      const sorted = want.blaus.sort((a, b) => a - b), mid = (sorted.length - 1) / 2;
      const median = sorted.length === 0 ? null : (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
      if (median === null) expect(got.median).toBeNull();
      else expect(got.median).toBeCloseTo(median, 9);
    }
    // The world is varied enough to test something in every dimension.
    for (const d of GARDEN_DIMENSIONS) expect(held.get(d)!.members, d).toBeGreaterThan(3);
  });
});
