import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { members } from '../db/schema.ts';
import { loadProfiles } from '../queries/profiles.ts';
import { engines, openTestDatabase } from '../test/engines.ts';
import { parseCsv } from './csv-reader.ts';
import { parsePeopleCsv } from './csv.ts';
import { ImportValidationError, formatIssue } from './issues.ts';
import { importRead } from './people.ts';

const HEADER = 'email,name,headline,organisation,title,location,skills';
const NOW = new Date('2026-03-15T12:00:00Z');

describe('CSV reader', () => {
  it('follows RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF', () => {
    const records = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('rejects broken quoting with the line it is on', () => {
    expect(() => parseCsv('a,b\n"open,b\n')).toThrow('unterminated quoted field');
    expect(() => parseCsv('a,b\nx"y,b\n')).toThrow('a quote may only start a field');
  });
});

for (const engine of engines()) {
  describe(`CSV import [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const options = { publicUrl: 'http://localhost', scryptLogN: 10 };
    const memberCount = async () => (await database.db.select({ n: count() }).from(members))[0]!.n;
    const profileOf = async (email: string) => {
      const [m] = await database.db.select({ id: members.id }).from(members).where(eq(members.email, email));
      return (await loadProfiles(database.db, [m!.id]))[0]!;
    };

    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    it('refuses a file with bad rows, listing each with its line, and imports nobody', async () => {
      const csv = [
        HEADER,
        'ok@example.com,Good Person,Engineer,Acme,Engineer,Oslo,Go;SQL',
        'not-an-email,Bad Email,,,,,',
        '"quoted@example.com","Quoted, Name","multi',
        'line headline",,,,',
        'x@example.com,,,,,,',
        'y@example.com,Has Org,,Acme,,,',
        `z@example.com,Too Many Skills,,,,,${Array.from({ length: 51 }, (_, i) => `s${i}`).join(';')}`,
        'OK@example.com,Duplicate,,,,,',
        'short@example.com,Short Row',
      ].join('\n');
      const read = parsePeopleCsv(csv, 'people.csv', NOW);
      expect(read.issues.map(formatIssue)).toEqual([
        'people.csv:3: email: must be a valid email address',
        'people.csv:6: name: must not be empty',
        'people.csv:7: title: is required when organisation is given',
        'people.csv:8: skills: Too big: expected array to have <=50 items',
        'people.csv:9: email: ok@example.com already appears on line 2',
        'people.csv:10: expected 7 fields, found 2',
      ]);
      const error = await importRead(database, read, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportValidationError);
      expect((error as ImportValidationError).issues).toHaveLength(6);
      expect(await memberCount()).toBe(0);
    });

    it('rejects a wrong header', () => {
      const read = parsePeopleCsv('email,name\na@example.com,A\n', 'people.csv');
      expect(read.issues.map(formatIssue)).toEqual([`people.csv:1: the header must be exactly: ${HEADER}`]);
    });

    it('imports valid rows through the profile rules, then re-imports without duplicates', async () => {
      const csv = [
        HEADER,
        'Ana.Silva@Example.com,Ana Silva,"Data engineer, payments",Acme Payments,Data Engineer,"Lisbon, Portugal", SQL ; Kafka;;Python ',
        '"bo@example.com","Bo ""Bobby"" Lind",,,,,',
      ].join('\r\n');
      const read = parsePeopleCsv(csv, 'people.csv', NOW);
      expect(read.issues).toEqual([]);
      const first = await importRead(database, read, options);
      expect(first).toMatchObject({ total: 2, created: 2, updated: 0 });
      const ana = await profileOf('ana.silva@example.com');
      expect(ana).toMatchObject({ name: 'Ana Silva', headline: 'Data engineer, payments', location: 'Lisbon, Portugal', emailVerified: true });
      expect(ana.skills).toEqual(['SQL', 'Kafka', 'Python']);
      expect(ana.experience).toEqual([expect.objectContaining({ title: 'Data Engineer', startDate: '2026-03', endDate: null })]);
      expect(ana.experience[0]!.organisation.name).toBe('Acme Payments');
      expect((await profileOf('bo@example.com')).name).toBe('Bo "Bobby" Lind');

      // Same file again: nothing new, nothing changed.
      expect(await importRead(database, parsePeopleCsv(csv, 'people.csv', NOW), options)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      // A new job is added to the member's history instead of replacing it; an empty cell keeps what is there.
      const later = `${HEADER}\nana.silva@example.com,Ana Silva,,Globex,Lead Engineer,,\n`;
      expect(await importRead(database, parsePeopleCsv(later, 'people.csv', new Date('2027-01-02')), options)).toMatchObject({ created: 0, updated: 1 });
      const updated = await profileOf('ana.silva@example.com');
      expect(updated.experience.map((e) => [e.organisation.name, e.startDate])).toEqual([['Globex', '2027-01'], ['Acme Payments', '2026-03']]);
      expect(updated.headline).toBe('Data engineer, payments');
      expect(updated.skills).toEqual(['SQL', 'Kafka', 'Python']);
      expect(await memberCount()).toBe(2);
    });
  });
}
