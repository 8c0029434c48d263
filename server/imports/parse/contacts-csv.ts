/**
 * A generic contacts CSV read through a ColumnMapping (header names per field), with the mappings of the
 * address books we recognise by their headers: Google Contacts (the current export and the older
 * `Name,Given Name,Family Name,…` one) and Outlook. Google writes several values of one field into one cell
 * separated by ` ::: `; every list cell is split on that.
 */
import type { Readable } from 'node:stream';
import { type ColumnMapping, ImportFormatError } from '../records.ts';
import { type FileContext, birthdayCell, firstSighting } from './context.ts';
import { type CsvRow, normaliseHeader, readCsvTable } from './csv-rows.ts';
import { cleanText, compact, joinName, normaliseEmail, normalisePhone, normaliseUrl, personKey, unique } from './people.ts';

export type ContactsPreset = 'google' | 'google-legacy' | 'outlook';

const has = (headers: string[], ...names: string[]): boolean => names.every((n) => headers.includes(n));

/** The original spelling of every header matching `pattern`, in file order. */
const matching = (headers: string[], pattern: RegExp): string[] => headers.filter((h) => pattern.test(h));
const present = (headers: string[], names: string[]): string[] => names.filter((n) => headers.includes(normaliseHeader(n)));

const PRESETS: { preset: ContactsPreset; isHeader: (h: string[]) => boolean; mapping: (h: string[]) => ColumnMapping }[] = [
  {
    preset: 'google',
    isHeader: (h) => has(h, 'first name', 'last name') && (h.includes('e-mail 1 - value') || h.includes('organization name')),
    mapping: (h) => ({
      firstName: 'first name',
      lastName: 'last name',
      emails: matching(h, /^e-mail \d+ - value$/),
      phones: matching(h, /^phone \d+ - value$/),
      urls: matching(h, /^website \d+ - value$/),
      organisation: 'organization name',
      title: 'organization title',
      birthday: 'birthday',
      note: 'notes',
    }),
  },
  {
    preset: 'google-legacy',
    isHeader: (h) => has(h, 'name', 'given name', 'family name'),
    mapping: (h) => ({
      name: 'name',
      firstName: 'given name',
      lastName: 'family name',
      emails: matching(h, /^e-mail \d+ - value$/),
      phones: matching(h, /^phone \d+ - value$/),
      urls: matching(h, /^website \d+ - value$/),
      organisation: 'organization 1 - name',
      title: 'organization 1 - title',
      birthday: 'birthday',
      note: 'notes',
    }),
  },
  {
    preset: 'outlook',
    isHeader: (h) => has(h, 'first name', 'last name', 'e-mail address'),
    mapping: (h) => ({
      firstName: 'first name',
      lastName: 'last name',
      emails: present(h, ['e-mail address', 'e-mail 2 address', 'e-mail 3 address']),
      phones: present(h, ['mobile phone', 'business phone', 'business phone 2', 'home phone', 'home phone 2', 'primary phone', 'other phone', 'company main phone']),
      urls: present(h, ['web page']),
      // Outlook's `Title` is the honorific (Mr., Dr.); the role is `Job Title`.
      organisation: 'company',
      title: 'job title',
      birthday: 'birthday',
      note: 'notes',
    }),
  },
];

export function contactsPresetOf(headers: string[]): { preset: ContactsPreset; mapping: ColumnMapping } | null {
  const found = PRESETS.find((p) => p.isHeader(headers));
  return found ? { preset: found.preset, mapping: found.mapping(headers) } : null;
}

export const isContactsPresetHeader = (headers: string[]): boolean => PRESETS.some((p) => p.isHeader(headers));

/** A first guess for the mapping step when no preset matched: headers whose names say what they hold. */
export function guessMapping(headers: string[]): ColumnMapping {
  const find = (pattern: RegExp) => headers.find((h) => pattern.test(h));
  const all = (pattern: RegExp) => headers.filter((h) => pattern.test(h));
  return compact({
    name: find(/^(full )?name$|^display name$/),
    firstName: find(/^(first|given)[ _-]?name$/),
    lastName: find(/^(last|family|sur)[ _-]?name$|^surname$/),
    emails: all(/mail/),
    phones: all(/phone|mobile|cell|^tel/),
    urls: all(/url|website|web page|linkedin/),
    organisation: find(/^(company|organi[sz]ation|employer)( name)?$/),
    title: find(/^(job )?title$|^position$|^role$/),
    birthday: find(/birth|^born$|bday/),
    note: find(/^(notes?|remarks?|comments?)$/),
  });
}

const splitCell = (text: string): string[] => text.split(/\s*:::\s*/).map((v) => v.trim()).filter(Boolean);

function mappedHeaders(mapping: ColumnMapping): string[] {
  const single = [mapping.name, mapping.firstName, mapping.lastName, mapping.organisation, mapping.title, mapping.birthday, mapping.note];
  return [...single, ...(mapping.emails ?? []), ...(mapping.phones ?? []), ...(mapping.urls ?? [])].filter((h): h is string => !!h).map(normaliseHeader);
}

/** Reads contacts through `mapping`; the header row is the first holding every mapped column. */
export async function readContactsCsv(bytes: Readable, ctx: FileContext, mapping: ColumnMapping): Promise<void> {
  if (!mapping.name && !mapping.firstName && !mapping.lastName) throw new ImportFormatError('mapping_required', ctx.file, null, 'no name column');
  const wanted = [...new Set(mappedHeaders(mapping))];
  const seen = new Set<string>();
  const cell = (row: CsvRow, header: string | undefined) => (header ? row.get(header) : '');
  const list = (row: CsvRow, headers: string[] | undefined) => (headers ?? []).flatMap((h) => splitCell(row.get(h)));
  await readCsvTable(bytes, { ...ctx, isHeader: (h) => wanted.every((w) => h.includes(w)) }, async (row) => {
    const firstName = cleanText(cell(row, mapping.firstName));
    const lastName = cleanText(cell(row, mapping.lastName));
    const name = cleanText(cell(row, mapping.name)) ?? joinName(firstName, lastName);
    if (!name) return ctx.sink.issue({ file: ctx.file, line: row.line, code: 'missing_name' });
    const person = compact({
      name,
      firstName,
      lastName,
      emails: unique(list(row, mapping.emails).map(normaliseEmail)),
      phones: unique(list(row, mapping.phones).map(normalisePhone)),
      urls: unique(list(row, mapping.urls).map(normaliseUrl)),
      organisation: cleanText(cell(row, mapping.organisation)),
      title: cleanText(cell(row, mapping.title)),
      birthday: mapping.birthday ? birthdayCell(ctx, row, mapping.birthday) : undefined,
      note: cell(row, mapping.note) || undefined,
    });
    if (!firstSighting(ctx, seen, personKey(person), row.line)) return;
    await ctx.sink.record({ kind: 'contact', source: 'csv', at: { file: ctx.file, line: row.line }, person });
  });
}
