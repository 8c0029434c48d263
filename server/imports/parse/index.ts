/**
 * The upload parsers' public entry points. An upload is one file on disk: a ZIP (by its magic bytes: a
 * LinkedIn archive, or later Rapport's own export), a vCard file (starts with BEGIN:VCARD), or otherwise a
 * CSV, recognised by its header row (a LinkedIn file, a Google or Outlook contacts export) or read through a
 * ColumnMapping the member chose after inspectCsv. Everything streams; the database is never touched.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { type ColumnMapping, ImportFormatError, type ImportLimits, type ImportSink } from '../records.ts';
import { readArchive } from './archive.ts';
import { type ContactsPreset, contactsPresetOf, guessMapping, isContactsPresetHeader, readContactsCsv } from './contacts-csv.ts';
import { CountingSink, type ParseSummary } from './context.ts';
import { normaliseHeader, readCsvTable } from './csv-rows.ts';
import { type LinkedInKind, LINKEDIN_KINDS, linkedInKindOfHeaders } from './linkedin/headers.ts';
import { readLinkedIn } from './linkedin/read.ts';
import { sniffText } from './text-decoding.ts';
import { readVCards } from './vcard.ts';
import { ZIP_MAGIC } from './zip.ts';

export { DEFAULT_IMPORT_LIMITS } from './limits.ts';
export type { FileSummary, ParseSummary } from './context.ts';
export type { ColumnMapping } from '../records.ts';

export interface UploadFile {
  path: string;
  /** The name the member gave the file; used in issues and the summary. */
  name: string;
}

export type CsvPreset = ContactsPreset | `linkedin-${LinkedInKind}`;

export interface CsvInspection {
  /** Header names as written in the file (trimmed). */
  headers: string[];
  headerLine: number;
  /** Up to SAMPLE_ROWS data rows, for the member to check the mapping against. */
  sample: string[][];
  preset: CsvPreset | null;
  proposed: ColumnMapping;
}

const SAMPLE_ROWS = 5;
const SNIFF_BYTES = 4096;

async function checkSize(file: UploadFile, limits: ImportLimits): Promise<number> {
  const { size } = await stat(file.path);
  if (size > limits.maxUploadBytes) throw new ImportFormatError('file_too_large', file.name, null, String(limits.maxUploadBytes));
  return size;
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The file's bytes, reporting progress as they are consumed. */
function streamFile(path: string, total: number, progress?: (done: number, total: number) => void): Readable {
  const source = createReadStream(path);
  if (!progress) return source;
  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      done += chunk.length;
      progress(done, total);
      callback(null, chunk);
    },
  });
  source.on('error', (error) => counter.destroy(error));
  counter.on('close', () => source.destroy());
  return source.pipe(counter);
}

const LINKEDIN_PRESET_MAPPING: ColumnMapping = {
  firstName: 'First Name',
  lastName: 'Last Name',
  emails: ['Email Address'],
  urls: ['URL'],
  organisation: 'Company',
  title: 'Position',
};

/** The header row of a CSV (a known one among the first records, else the first record), a sample and a proposed mapping. */
export async function inspectCsv(file: UploadFile, limits: ImportLimits): Promise<CsvInspection> {
  await checkSize(file, limits);
  if (kindOfHead(await readHead(file.path)) !== 'csv') throw new ImportFormatError('not_csv', file.name, null);
  const known = (h: string[]) => isContactsPresetHeader(h) || linkedInKindOfHeaders(h) !== null;
  const read = async (isHeader?: (h: string[]) => boolean) => {
    const sample: string[][] = [];
    const table = await readCsvTable(streamFile(file.path, 0), { file: file.name, limits, sink: { issue: () => {} }, isHeader }, (row) => {
      sample.push(row.fields.map((f) => f.trim()));
      return sample.length < SAMPLE_ROWS;
    });
    return { ...table, sample };
  };
  // A known header anywhere in the first records; else the first record of two or more cells (a title line
  // above the table is common in hand-made exports); else the first record.
  const attempts = [known, (h: string[]) => h.filter((x) => x !== '').length >= 2, undefined];
  let table;
  for (const [i, isHeader] of attempts.entries()) {
    try {
      table = await read(isHeader);
      break;
    } catch (error) {
      if (!(error instanceof ImportFormatError) || error.code !== 'missing_headers' || i === attempts.length - 1) throw error;
    }
  }
  if (!table) throw new ImportFormatError('missing_headers', file.name, null);
  const { headers, rawHeaders, headerLine, sample } = table;
  const contacts = contactsPresetOf(headers);
  const linkedIn = contacts ? null : linkedInKindOfHeaders(headers);
  const preset: CsvPreset | null = contacts ? contacts.preset : linkedIn ? `linkedin-${linkedIn}` : null;
  const proposed = contacts ? contacts.mapping : linkedIn === 'connections' ? LINKEDIN_PRESET_MAPPING : linkedIn ? {} : guessMapping(headers);
  return { headers: rawHeaders, headerLine, sample, preset, proposed: asWritten(proposed, headers, rawHeaders) };
}

/** A mapping's header names as the file spells them (the presets are written lower-case). */
function asWritten(mapping: ColumnMapping, normalised: string[], raw: string[]): ColumnMapping {
  const spell = (h: string) => raw[normalised.indexOf(normaliseHeader(h))] ?? h;
  return Object.fromEntries(Object.entries(mapping).map(([field, value]) => [field, Array.isArray(value) ? value.map(spell) : spell(value as string)]));
}

function kindOfHead(head: Buffer): 'zip' | 'vcard' | 'csv' {
  if (ZIP_MAGIC.some((magic) => head.subarray(0, 4).equals(magic))) return 'zip';
  return /^\s*BEGIN:VCARD/i.test(sniffText(head)) ? 'vcard' : 'csv';
}

/**
 * Reads an upload into `sink`. Throws ImportFormatError when the file cannot be read at all (the caller then
 * applies nothing): file_too_large, zip_*, not_utf8, csv_malformed, missing_headers, too_many_rows,
 * mapping_required (a CSV no preset recognises, uploaded without a mapping), unrecognised_file.
 */
export async function parseUpload(file: UploadFile, options: { limits: ImportLimits; mapping?: ColumnMapping }, sink: ImportSink): Promise<ParseSummary> {
  const { limits, mapping } = options;
  const total = await checkSize(file, limits);
  const counting = new CountingSink(sink);
  const kind = kindOfHead(await readHead(file.path));
  const progress = (done: number) => counting.progress(done, total);
  if (kind === 'zip') {
    await readArchive(file, limits, counting, progress);
  } else if (kind === 'vcard') {
    counting.file(file.name);
    await readVCards(streamFile(file.path, total, (d) => progress(d)), { file: file.name, limits, sink: counting });
  } else {
    await readSingleCsv(file, limits, mapping, counting, progress);
  }
  counting.progress(total, total);
  return counting.summary;
}

async function readSingleCsv(file: UploadFile, limits: ImportLimits, mapping: ColumnMapping | undefined, sink: CountingSink, progress: (done: number) => void): Promise<void> {
  const bytes = () => streamFile(file.path, 0, (d) => progress(d));
  if (mapping) {
    sink.file(file.name);
    return readContactsCsv(bytes(), { file: file.name, limits, sink }, mapping);
  }
  const inspection = await inspectCsv(file, limits);
  const preset = inspection.preset;
  if (preset?.startsWith('linkedin-')) {
    const kind = preset.slice('linkedin-'.length) as LinkedInKind;
    return readLinkedIn([{ name: file.name, kind, open: async () => bytes() }], sink, limits);
  }
  if (preset) {
    sink.file(file.name);
    return readContactsCsv(bytes(), { file: file.name, limits, sink }, inspection.proposed);
  }
  throw new ImportFormatError('mapping_required', file.name, inspection.headerLine, inspection.headers.slice(0, 20).join(','));
}

export { LINKEDIN_KINDS };
