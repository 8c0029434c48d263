import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ImportFormatError } from '../records.ts';
import { collect, tempDir } from './fixtures/collect.ts';
import { DEFAULT_IMPORT_LIMITS, parseUpload } from './index.ts';

const limits = { ...DEFAULT_IMPORT_LIMITS, maxRowsPerFile: 500 };
let tmp: Awaited<ReturnType<typeof tempDir>>;
let n = 0;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(() => tmp.remove());

/** Parses `bytes` and returns 'ok' or the ImportFormatError's code; any other exception fails the property. */
async function outcome(bytes: Uint8Array | string, mapping?: object): Promise<string> {
  const path = tmp.file(`fuzz-${n++}`);
  await writeFile(path, bytes);
  const sink = collect();
  try {
    await parseUpload({ path, name: 'fuzz' }, { limits, ...(mapping ? { mapping } : {}) }, sink);
  } catch (error) {
    if (error instanceof ImportFormatError) return error.code;
    throw error;
  }
  for (const record of sink.records) if (record.kind === 'contact') expect(record.person.name.trim()).not.toBe('');
  return 'ok';
}

const CSV_CHARS = fc.constantFrom(',', '"', '\n', '\r', '\r\n', 'a', 'Z', 'é', ' ', ':', ';', '\uFEFF', '\u0000', '😀', '1', '/', '-');
const csvish = fc.array(CSV_CHARS, { maxLength: 400 }).map((parts) => parts.join(''));
const PREFIXES = [
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n',
  'FROM,TO,DATE,IS MESSAGE DRAFT\n',
  'From,To,Sent At,Direction\n',
  'First Name,Last Name,E-mail 1 - Value,Organization Name\n',
  'BEGIN:VCARD\nVERSION:4.0\n',
  'PK\u0003\u0004',
];

describe('fuzzing: any input gives records, issues or an ImportFormatError', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 600 }), async (prefix, bytes) => {
        await outcome(Buffer.concat([Buffer.from(prefix, 'latin1'), bytes]));
      }),
      { numRuns: 300 },
    );
  });

  it('CSV-like text, with and without a mapping', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PREFIXES), csvish, fc.boolean(), async (prefix, text, mapped) => {
        await outcome(prefix + text, mapped ? { name: 'a', emails: ['Z'] } : undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('vCard-like text', async () => {
    const line = fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:3.0', 'VERSION:4.0', 'FN:Ada', 'N:Zed;Ada;;;', 'N:;;', 'BDAY:--0230', 'BDAY:x', 'EMAIL:a@b', 'TEL;VALUE=uri:tel:1', ' folded', 'ORG:A;B', 'X-Y:z', ':', ';;;', 'FN;', 'BEGIN:VCALENDAR', 'END:VCALENDAR');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(line, fc.string({ maxLength: 20 })), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), async (lines, eol) => {
        await outcome(['BEGIN:VCARD', ...lines].join(eol));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzzing archives: well-formed ZIPs of arbitrary entries', () => {
  it('known and unknown names with arbitrary contents', async () => {
    const names = fc.constantFrom('Connections.csv', 'messages.csv', 'Invitations.csv', 'Profile.csv', 'Skills.csv', 'Notes.csv', 'x/Positions.csv', 'a.vcf', 'Ad_Targeting.csv', 'dir/');
    const entry = fc.record({ name: names, content: fc.oneof(csvish, fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))) });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 5 }), async (entries) => {
        const zip = new yazl.ZipFile();
        for (const e of entries) {
          if (e.name.endsWith('/')) zip.addEmptyDirectory(e.name);
          else zip.addBuffer(Buffer.from(e.content, 'latin1'), e.name);
        }
        zip.end();
        const chunks: Buffer[] = [];
        for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
        await outcome(Buffer.concat(chunks));
      }),
      { numRuns: 150 },
    );
  });
});

/** Names and fields as people have them: accents, apostrophes, commas, quotes, emoji; single-spaced, trimmed. */
const word = fc.array(fc.constantFrom('A', 'z', 'é', 'Ö', 'ß', 'Ł', 'ø', "'", '’', '"', '-', ',', '.', ';', '😀', '李'), { minLength: 1, maxLength: 8 }).map((c) => c.join(''));
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const contact = fc.record({
  name: text,
  email: fc.emailAddress().map((e) => e.toLowerCase()),
  phone: fc.stringMatching(/^\+?[0-9]{4,12}$/),
  organisation: fc.option(text, { nil: undefined }),
  title: fc.option(text, { nil: undefined }),
});
const contacts = fc.uniqueArray(contact, { selector: (c) => c.email, minLength: 1, maxLength: 15 });

type Contact = { name: string; email: string; phone: string; organisation?: string; title?: string };
const expected = (people: Contact[]) =>
  people.map((c) => ({ name: c.name, emails: [c.email], phones: [c.phone], organisation: c.organisation, title: c.title }));
async function readBack(content: string, name: string, mapping?: object) {
  const path = tmp.file(`${n++}-${name}`);
  await writeFile(path, content);
  const sink = collect();
  await parseUpload({ path, name }, { limits, ...(mapping ? { mapping } : {}) }, sink);
  expect(sink.issues).toEqual([]);
  return sink.contacts().map(({ person }) => ({ name: person.name, emails: person.emails, phones: person.phones, organisation: person.organisation, title: person.title }));
}

describe('round trip: contacts written as CSV and as vCard parse back to the same people', () => {
  it('CSV', async () => {
    await fc.assert(
      fc.asyncProperty(contacts, async (people) => {
        const csv = stringify([['Name', 'Email', 'Phone', 'Org', 'Title'], ...people.map((c) => [c.name, c.email, c.phone, c.organisation ?? '', c.title ?? ''])], { record_delimiter: '\r\n' });
        const mapping = { name: 'Name', emails: ['Email'], phones: ['Phone'], organisation: 'Org', title: 'Title' };
        expect(await readBack(csv, 'people.csv', mapping)).toEqual(expected(people));
      }),
      { numRuns: 100 },
    );
  });

  it('vCard 3.0 and 4.0', async () => {
    await fc.assert(
      fc.asyncProperty(contacts, fc.constantFrom('3.0', '4.0'), async (people, version) => {
        const cards = people.map((c) => {
          const card = new ICAL.Component('vcard');
          card.addPropertyWithValue('version', version);
          card.addPropertyWithValue('fn', c.name);
          card.addPropertyWithValue('email', c.email);
          card.addPropertyWithValue('tel', c.phone);
          // ORG is structured (organisation;unit;…): its value is a list, so a `;` in the name is escaped.
          if (c.organisation) card.addPropertyWithValue('org', [c.organisation] as unknown as string);
          if (c.title) card.addPropertyWithValue('title', c.title);
          return card.toString();
        });
        expect(await readBack(`${cards.join('\r\n')}\r\n`, 'people.vcf')).toEqual(expected(people));
      }),
      { numRuns: 100 },
    );
  });
});
