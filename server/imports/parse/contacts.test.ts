import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFormatError } from '../records.ts';
import { FIXTURES_DIR } from './fixtures/build-archive.ts';
import { collect, tempDir } from './fixtures/collect.ts';
import { DEFAULT_IMPORT_LIMITS, inspectCsv, parseUpload } from './index.ts';

const limits = DEFAULT_IMPORT_LIMITS;
const fixture = (name: string) => ({ path: join(FIXTURES_DIR, 'contacts', name), name });
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(() => tmp.remove());

async function parse(file: { path: string; name: string }, mapping?: object) {
  const sink = collect();
  const summary = await parseUpload(file, { limits, ...(mapping ? { mapping } : {}) }, sink);
  return { sink, summary };
}

describe('vCard', () => {
  it('3.0: folded lines, structured N and ORG, X- properties ignored, --mmdd birthdays, cards by their first line', async () => {
    const { sink, summary } = await parse(fixture('contacts-v3.vcf'));
    expect(sink.contacts()[0]).toEqual({
      kind: 'contact',
      source: 'vcard',
      at: { file: 'contacts-v3.vcf', line: 1 },
      person: {
        name: 'Thaddeus Okonkwo-Lindqvist',
        firstName: 'Thaddeus',
        lastName: 'Okonkwo-Lindqvist',
        emails: ['thaddeus@fernhollow.example'],
        phones: ['+39 010 555 0101'],
        urls: ['https://www.linkedin.com/in/thaddeus-okonkwo-lindqvist'],
        organisation: 'Fernhollow Seed Bank',
        title: 'Curator',
        birthday: '1979-10-03',
        note: 'Met at the seed swap in Genoa. Prefers letters to calls.',
      },
    });
    expect(sink.contacts()[1]).toMatchObject({ at: { line: 16 }, person: { name: 'Isadora Fenwick-Achebe', organisation: 'Lanternfish Cooperative', birthday: '--04-12' } });
    expect(sink.issues.map((i) => [i.line, i.code])).toEqual([
      [24, 'missing_name'],
      [29, 'bad_date'],
    ]);
    expect(sink.contacts()[2]).toMatchObject({ at: { line: 29 }, person: { name: 'Quintessa Harlowe', emails: ['quintessa@harlowe.example'] } });
    expect(sink.contacts()[2]!.person.birthday).toBeUndefined();
    expect(summary.files).toEqual([{ name: 'contacts-v3.vcf', records: 3, issues: 2 }]);
  });

  it('4.0: tel: URIs, several emails, year-less and compact birthdays', async () => {
    const { sink } = await parse(fixture('contacts-v4.vcf'));
    expect(sink.contacts().map((c) => c.person)).toEqual([
      expect.objectContaining({ name: 'Bartholomew Quaye', emails: ['b.quaye@example.net', 'bart.quaye@example.com'], phones: ['+44-20-7946-0123'], birthday: '--02-29' }),
      expect.objectContaining({ name: 'Ottoline Vasquez', urls: ['https://www.linkedin.com/in/ottoline-vasquez-brenan'], birthday: '1995-06-17' }),
    ]);
  });

  it('a broken card is reported and the next one read; the same person twice is a duplicate', async () => {
    const path = tmp.file('mixed.vcf');
    await writeFile(path, 'BEGIN:VCARD\nVERSION:4.0\nFN:Ada Zed\nEMAIL:ada@zed.example\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Ada Z.\nEMAIL:ADA@zed.example\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Unended\n');
    const { sink } = await parse({ path, name: 'mixed.vcf' });
    expect(sink.contacts().map((c) => c.person.name)).toEqual(['Ada Zed']);
    expect(sink.issues.map((i) => [i.line, i.code])).toEqual([
      [6, 'duplicate_row'],
      [11, 'bad_card'],
    ]);
  });
});

describe('contacts CSV presets', () => {
  it('Google (current): E-mail n - Value, ::: separated values, Organization Name/Title, Birthday', async () => {
    const inspection = await inspectCsv(fixture('google.csv'), limits);
    expect(inspection).toMatchObject({ preset: 'google', headerLine: 1, proposed: { firstName: 'First Name', emails: ['E-mail 1 - Value', 'E-mail 2 - Value'], organisation: 'Organization Name' } });
    const { sink } = await parse(fixture('google.csv'));
    expect(sink.contacts()[0]!.person).toEqual({
      name: 'Perpetua Szymańska',
      firstName: 'Perpetua',
      lastName: 'Szymańska',
      emails: ['perpetua.szymanska@example.org', 'p.szymanska@quill.example'],
      phones: ['+48 22 555 0199'],
      urls: ['https://www.linkedin.com/in/perpetua-szymanska-7a1b2c'],
      organisation: 'Quillfeather Press',
      title: 'Editor-in-Chief',
      birthday: '1981-07-22',
      note: 'Edits the harbour almanac.',
    });
    expect(sink.contacts()[1]!.person.birthday).toBe('--11-30');
    expect(sink.contacts().every((c) => c.source === 'csv')).toBe(true);
    expect(sink.issues).toEqual([expect.objectContaining({ line: 5, code: 'missing_name' })]);
  });

  it('Google (older shape): Name, Given Name, Family Name, Organization 1 - Name', async () => {
    expect((await inspectCsv(fixture('google-legacy.csv'), limits)).preset).toBe('google-legacy');
    const { sink } = await parse(fixture('google-legacy.csv'));
    expect(sink.contacts().map((c) => [c.person.name, c.person.organisation, c.person.title])).toEqual([
      ['Isadora Fenwick-Achebe', 'Lanternfish Cooperative', 'Head Beekeeper'],
      ['Isadora Fenwick-Achebe', 'Harrowgate Mills', 'Miller'],
    ]);
  });

  it('Outlook: Job Title (not the honorific Title), several phones, 0/0/00 meaning no birthday', async () => {
    expect((await inspectCsv(fixture('outlook.csv'), limits)).preset).toBe('outlook');
    const { sink } = await parse(fixture('outlook.csv'));
    expect(sink.contacts()[0]!.person).toMatchObject({ name: 'Bartholomew Quaye', title: 'Head of Dispatch', phones: ['+44 7700 900123', '+44 20 7946 0999'], urls: ['http://gannet-tern.example/'], birthday: '1975-03-14' });
    expect(sink.contacts()[1]!.person.birthday).toBeUndefined();
    expect(sink.issues).toEqual([]);
  });
});

describe('a CSV no preset knows', () => {
  const csv = 'Export of my address book\n\nFull Name,Mail,Mail 2,Cell,Employer,Role,Born,Remarks\nAda Zed,ada@zed.example,ada2@zed.example,+39 1,Acme,CEO,1970-01-31,hi\n,nobody@x.example,,,,,,\n';

  it('inspectCsv proposes a mapping from header names and samples rows; parseUpload asks for a mapping', async () => {
    const path = tmp.file('custom.csv');
    await writeFile(path, csv);
    const inspection = await inspectCsv({ path, name: 'custom.csv' }, limits);
    expect(inspection).toMatchObject({ preset: null, headerLine: 3, headers: ['Full Name', 'Mail', 'Mail 2', 'Cell', 'Employer', 'Role', 'Born', 'Remarks'] });
    expect(inspection.proposed).toMatchObject({ name: 'Full Name', organisation: 'Employer', birthday: 'Born' });
    const error = await parseUpload({ path, name: 'custom.csv' }, { limits }, collect()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as ImportFormatError).code).toBe('mapping_required');
  });

  it('reads through the member’s mapping, finding the header row below a preamble', async () => {
    const path = tmp.file('custom2.csv');
    await writeFile(path, csv);
    const mapping = { name: 'Full Name', emails: ['Mail', 'mail 2'], phones: ['Cell'], organisation: 'Employer', title: 'Role', birthday: 'Born', note: 'Remarks' };
    const { sink } = await parse({ path, name: 'custom.csv' }, mapping);
    expect(sink.contacts()).toEqual([
      {
        kind: 'contact',
        source: 'csv',
        at: { file: 'custom.csv', line: 4 },
        person: { name: 'Ada Zed', emails: ['ada@zed.example', 'ada2@zed.example'], phones: ['+39 1'], urls: [], organisation: 'Acme', title: 'CEO', birthday: '1970-01-31', note: 'hi' },
      },
    ]);
    expect(sink.issues).toEqual([expect.objectContaining({ line: 5, code: 'missing_name' })]);
  });

  it('the guessed mapping finds the obvious columns', async () => {
    const path = tmp.file('guess.csv');
    await writeFile(path, 'First name,Surname,Email,Phone,Company,Title,Notes\nAda,Zed,a@z.example,1,Acme,CEO,x\n');
    const inspection = await inspectCsv({ path, name: 'guess.csv' }, limits);
    expect(inspection.proposed).toEqual({ firstName: 'First name', lastName: 'Surname', emails: ['Email'], phones: ['Phone'], urls: [], organisation: 'Company', title: 'Title', note: 'Notes' });
    expect(inspection.sample).toEqual([['Ada', 'Zed', 'a@z.example', '1', 'Acme', 'CEO', 'x']]);
  });
});
