import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { members } from '../db/schema.ts';
import { engines, openTestDatabase } from '../test/engines.ts';
import { parsePeopleCsv } from './csv.ts';
import { formatIssue, ImportValidationError } from './issues.ts';
import { readLdbc } from './ldbc.ts';
import { clip, importPeople } from './people.ts';

const RLO = '\u202E';
const HEADER = 'email,name,headline,organisation,title,location,skills';

/** The importers refuse what the sign-up and profile forms refuse: they validate through the same schemas. */
describe('imports follow the text rules of the API', () => {
  it('refuses direction overrides and invisible names in a CSV, each with its line', () => {
    const csv = [
      HEADER,
      `a@example.com,Ana${RLO}x,,,,,`,
      'b@example.com,\u200B\u200B,,,,,',
      `c@example.com,Cal,,Acme${RLO},Engineer,,`,
      `d@example.com,Dee,Chief\u200F,,,,`,
      'e@example.com,Zoe\u0308,,"Acme\nCorp",Engineer,,',
    ].join('\n');
    const read = parsePeopleCsv(csv, 'people.csv', new Date('2025-01-15T00:00:00Z'));
    expect(read.issues.map(formatIssue)).toEqual([
      'people.csv:2: name: must not contain characters that change the direction of text',
      'people.csv:3: name: must contain visible characters',
      'people.csv:4: organisation: must not contain characters that change the direction of text',
      'people.csv:5: headline: must not contain characters that change the direction of text',
    ]);
    // A cell's line break is spacing, and names are stored in NFC.
    expect(read.people).toHaveLength(1);
    expect(read.people[0]).toMatchObject({ name: 'Zoë', patch: { experience: [{ organisation: 'Acme Corp' }] } });
  });

  it('clips long source text without cutting an emoji in half', () => {
    const clipped = clip(`${'a'.repeat(59)}😀b`, 60);
    expect(clipped).toBe('a'.repeat(59));
    expect(clip('😀😀😀', 3)).toBe('😀');
  });

  it('refuses an LDBC organisation whose name would reorder the text around it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ldbc-text-'));
    try {
      await writeFile(join(dir, 'person_0_0.csv'), 'id:ID(Person)|firstName:STRING|lastName:STRING|gender:STRING|birthday:LONG|creationDate:LONG\n1|Ana|Ruiz|female|19900101|20100101000000000\n');
      await writeFile(join(dir, 'person_email_emailaddress_0_0.csv'), 'Person.id|email\n1|ana@example.com\n');
      await writeFile(join(dir, 'organisation_0_0.csv'), `id:ID(Organisation)|:LABEL|name:STRING|url:STRING\n7|Company|Kam_Air${RLO}|http://example.com\n`);
      await writeFile(join(dir, 'person_workAt_organisation_0_0.csv'), ':START_ID(Person)|:END_ID(Organisation)|workFrom:INT\n1|7|2013\n');
      const read = await readLdbc(dir);
      expect(read.issues.map(formatIssue)).toContain('organisation_0_0.csv:2: name: must not contain characters that change the direction of text');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const engine of engines()) {
    describe(`writing [${engine}]`, () => {
      let database: Database;
      let drop: () => Promise<void>;
      beforeAll(async () => {
        ({ database, drop } = await openTestDatabase(engine));
        await migrate(database.db);
      }, 180_000);
      afterAll(() => drop?.());

      it('checks names again before writing, whatever produced them, and writes nothing when one is refused', async () => {
        const people = [
          { source: 'demo:1', email: 'ok@example.com', name: 'Fine Name', patch: {} },
          { source: 'demo:2', email: 'bad@example.com', name: `Bad${RLO}Name`, patch: {} },
        ];
        const error = await importPeople(database, people, { publicUrl: 'http://localhost', scryptLogN: 10 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ImportValidationError);
        expect((error as ImportValidationError).issues.map(formatIssue)).toEqual(['demo:2: name: must not contain characters that change the direction of text']);
        expect((await database.db.select({ n: count() }).from(members))[0]!.n).toBe(0);
      });
    });
  }
});
