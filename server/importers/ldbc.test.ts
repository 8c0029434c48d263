import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfile } from '../commands/profile/update-profile.ts';
import type { Database } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { connections, members, organisations } from '../db/schema.ts';
import { loadProfiles } from '../queries/profiles.ts';
import { engines, openTestDatabase } from '../test/engines.ts';
import { formatIssue } from './issues.ts';
import { parseLdbcDate, readLdbc } from './ldbc.ts';
import { type ReadResult, importRead } from './people.ts';

// The repository's copy of LDBC SNB SF0.1, each CSV gzip-compressed (datasets/ldbc-snb-sf0.1/README.md).
const DIR = fileURLToPath(new URL('../../datasets/ldbc-snb-sf0.1', import.meta.url));
const readCsv = (name: string) => gunzipSync(readFileSync(join(DIR, `${name}.gz`))).toString('utf8');
// The full data set through the real commands: about a minute per engine on an idle machine, several
// times that beside the e2e runs in CI (the Node 24 run); the limit is there to catch a hang.
const SLOW = 600_000;

/** The undirected knows pairs between persons of the file, counted independently of the reader. */
function knowsPairs(): number {
  const persons = new Set(readCsv('person_0_0.csv').split('\n').slice(1).map((l) => l.split('|')[0]).filter(Boolean));
  const pairs = new Set<string>();
  for (const line of readCsv('person_knows_person_0_0.csv').split('\n').slice(1)) {
    const [a = '', b = ''] = line.split('|');
    if (a && b && a !== b && persons.has(a) && persons.has(b)) pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  }
  return pairs.size;
}

it('parses LDBC dates in their compact, ISO and epoch forms', () => {
  expect(parseLdbcDate('19891203')?.toISOString()).toBe('1989-12-03T00:00:00.000Z');
  expect(parseLdbcDate('20100214153210447')?.toISOString()).toBe('2010-02-14T15:32:10.447Z');
  expect(parseLdbcDate('2010-02-14T15:32:10.447Z')?.toISOString()).toBe('2010-02-14T15:32:10.447Z');
  expect(parseLdbcDate('1266161530447')?.toISOString()).toBe('2010-02-14T15:32:10.447Z');
  expect(parseLdbcDate('19891341')).toBeNull();
  expect(parseLdbcDate('yesterday')).toBeNull();
});

describe('LDBC SNB files, plain or gzip-compressed', () => {
  const plain = mkdtempSync(join(tmpdir(), 'rapport-ldbc-'));
  afterAll(() => rmSync(plain, { recursive: true, force: true }));

  it('reads a directory of .csv.gz parts exactly as the same parts decompressed', async () => {
    for (const name of readdirSync(DIR).filter((n) => n.endsWith('.csv.gz'))) writeFileSync(join(plain, name.slice(0, -3)), readCsv(name.slice(0, -3)));
    const [compressed, decompressed] = [await readLdbc(DIR), await readLdbc(plain)];
    expect(compressed.issues).toEqual([]);
    expect(compressed.people).toHaveLength(1528);
    // Identical but for the file names the rows are located by.
    expect(JSON.parse(JSON.stringify(compressed).replaceAll('.csv.gz:', '.csv:'))).toEqual(JSON.parse(JSON.stringify(decompressed)));
  });

  it('reads a part present both ways once, and names a damaged .gz file instead of crashing', async () => {
    const persons = readFileSync(join(DIR, 'person_0_0.csv.gz'));
    writeFileSync(join(plain, 'person_0_0.csv.gz'), persons);
    expect((await readLdbc(plain)).issues).toEqual([]);
    writeFileSync(join(plain, 'tag_0_0.csv.gz'), readFileSync(join(DIR, 'tag_0_0.csv.gz')).subarray(0, 5000));
    rmSync(join(plain, 'tag_0_0.csv'));
    const damaged = await readLdbc(plain);
    expect(damaged.issues.map(formatIssue)).toContainEqual(expect.stringMatching(/^tag_0_0\.csv\.gz:0: not a valid gzip file \(unexpected end of file\)/));
  });
});

for (const engine of engines()) {
  describe(`LDBC SNB import [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let read: ReadResult;
    const options = { publicUrl: 'http://localhost', scryptLogN: 10 };
    const memberCount = async () => (await database.db.select({ n: count() }).from(members))[0]!.n;
    const organisationCount = async () => (await database.db.select({ n: count() }).from(organisations))[0]!.n;
    const connectionCount = async () => (await database.db.select({ n: count() }).from(connections))[0]!.n;
    const idOf = async (email: string) => (await database.db.select({ id: members.id }).from(members).where(eq(members.email, email)))[0]!.id;
    const mahinda = async () => {
      const [m] = await database.db.select({ id: members.id }).from(members).where(eq(members.email, 'mahinda933@boarderzone.com'));
      return (await loadProfiles(database.db, [m!.id]))[0]!;
    };

    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
      read = await readLdbc(DIR);
    }, 180_000);
    afterAll(() => drop?.());

    it('imports every person with organisations, experience, education, place and interests', { timeout: SLOW }, async () => {
      expect(read.issues).toEqual([]);
      const result = await importRead(database, read, options);
      const pairs = knowsPairs();
      expect(pairs).toBe(14073);
      expect(result).toMatchObject({ total: 1528, created: 1528, updated: 0, unchanged: 0, connectionsCreated: pairs, noOperator: true });
      expect(await memberCount()).toBe(1528);
      // Stored both ways, one row per member.
      expect(await connectionCount()).toBe(2 * pairs);
      // Nobody imported becomes operator just by being first in the file.
      expect(await database.db.select({ id: members.id }).from(members).where(eq(members.role, 'admin'))).toEqual([]);

      const [airline] = await database.db.select().from(organisations).where(eq(organisations.externalRef, 'ldbc:org:1226'));
      expect(airline).toMatchObject({ name: 'SriLankan Airlines', kind: 'company' });
      const [school] = await database.db.select().from(organisations).where(eq(organisations.externalRef, 'ldbc:org:2643'));
      expect(school).toMatchObject({ name: 'Tallinn University of Applied Sciences', kind: 'school' });
      expect((await database.db.select({ n: count() }).from(organisations).where(like(organisations.externalRef, 'ldbc:org:%')))[0]!.n).toBeGreaterThan(1000);

      const p = await mahinda();
      expect(p).toMatchObject({ name: 'Mahinda Perera', location: 'Kelaniya, Sri Lanka', birthYear: 1989, emailVerified: true, role: 'member' });
      expect(p.createdAt.toISOString()).toBe('2010-02-14T15:32:10.447Z');
      expect(p.experience.map((e) => e.organisation.name).sort()).toEqual(['Aero Lanka', 'Deccan Lanka', 'SriLankan Airlines']);
      expect(p.experience[0]).toMatchObject({ title: 'Employee', startDate: '2013-01', endDate: null });
      expect(p.education).toEqual([expect.objectContaining({ school: expect.objectContaining({ name: 'Tallinn University of Applied Sciences' }), endYear: 2011 })]);
      // 70 interests in the source, capped at the profile's 50 skills, underscores turned into spaces.
      expect(p.skills).toHaveLength(50);
      expect(p.skills.slice(0, 3)).toEqual(['Rupert Murdoch', 'Shania Twain', 'Napoleon']);
    });

    it('connects the people who know each other, dated when they met, with origin "import"', async () => {
      // person_knows_person: 933|2199023256077|20100422123057947
      const [ibrahim, mahindaId] = [await idOf('ibrahim.bare2199023256077@gmx.com'), await idOf('mahinda933@boarderzone.com')];
      for (const [a, b] of [[mahindaId, ibrahim], [ibrahim, mahindaId]] as const) {
        const [row] = await database.db.select().from(connections).where(and(eq(connections.memberId, a), eq(connections.otherId, b)));
        expect(row).toMatchObject({ originContext: 'import', invitationId: null });
        expect(row!.createdAt.toISOString()).toBe('2010-04-22T12:30:57.947Z');
      }
    });

    it('creates nobody and connects nobody on a second import, and restores a profile field that drifted', { timeout: SLOW }, async () => {
      const before = { members: await memberCount(), organisations: await organisationCount(), connections: await connectionCount() };
      const drifted = await mahinda();
      await database.db.transaction((tx) => updateProfile(tx, drifted.id, { location: 'Colombo' }));

      const result = await importRead(database, read, options);
      expect(result).toMatchObject({ total: 1528, created: 0, updated: 1, unchanged: 1527, organisationsCreated: 0, connectionsCreated: 0 });
      expect({ members: await memberCount(), organisations: await organisationCount(), connections: await connectionCount() }).toEqual(before);
      expect((await mahinda()).location).toBe('Kelaniya, Sri Lanka');
    });
  });
}
