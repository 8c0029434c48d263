/**
 * Rows of one CSV file by header name, streamed: bytes → DecodeText → csv-parse → rows. The header row is
 * found, not assumed: the first record `isHeader` accepts among the first HEADER_SCAN_RECORDS (LinkedIn puts a
 * `Notes:` preamble above some headers). Each row carries the line its record starts on, counted by the file's
 * lines, so a quoted field across lines still names where the person begins.
 */
import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportFormatError, type ImportLimits, type ImportSink } from '../records.ts';
import { HEADER_SCAN_RECORDS } from './limits.ts';
import { DecodeText } from './text-decoding.ts';

/** One data row: its fields by header name (case- and space-insensitive), empty string when absent. */
export interface CsvRow {
  line: number;
  fields: string[];
  get(header: string): string;
}

export interface CsvTableOptions {
  file: string;
  limits: ImportLimits;
  sink: Pick<ImportSink, 'issue'>;
  /** Accepts the header row, given normalised header names; absent means the first record is the header. */
  isHeader?: (headers: string[]) => boolean;
}

/** A single field's length cap, so an unterminated quote cannot buffer a whole upload. */
const MAX_RECORD_CHARS = 2_000_000;

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Readers ask for the same few header names on every row; normalise each once. */
const normalised = new Map<string, string>();
function normalisedOnce(header: string): string {
  let value = normalised.get(header);
  if (value === undefined) {
    value = normaliseHeader(header);
    if (normalised.size < 1000) normalised.set(header, value);
  }
  return value;
}

/**
 * Streams the rows of `bytes` to `onRow`; returning `false` from it stops reading (used by inspectCsv).
 * Throws ImportFormatError: not_utf8, csv_malformed, missing_headers (no header row found), too_many_rows.
 */
export async function readCsvTable(
  bytes: Readable,
  options: CsvTableOptions,
  onRow: (row: CsvRow, headers: string[]) => Promise<boolean | void> | boolean | void,
): Promise<{ headers: string[]; rawHeaders: string[]; headerLine: number }> {
  const { file, limits, sink, isHeader } = options;
  const parser = parse({
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    record_delimiter: '\n',
    max_record_size: MAX_RECORD_CHARS,
  });
  let failure: unknown = null;
  pipeline(bytes, new DecodeText(file), parser, (error) => {
    if (error && failure === null) failure = error;
  });
  let headers: string[] | null = null;
  let rawHeaders: string[] = [];
  let headerLine = 0;
  let index: Map<string, number> = new Map();
  let scanned = 0;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines - record.reduce((n, field) => n + countNewlines(field), 0);
      if (headers === null) {
        const candidate = record.map(normaliseHeader);
        if (isHeader ? isHeader(candidate) : candidate.some((h) => h !== '')) {
          headers = candidate;
          rawHeaders = record.map((h) => h.replace(/^\uFEFF/, '').trim());
          headerLine = line;
          index = new Map();
          candidate.forEach((h, i) => {
            if (h !== '' && !index.has(h)) index.set(h, i);
          });
          continue;
        }
        if (++scanned >= HEADER_SCAN_RECORDS) break;
        continue;
      }
      if (record.every((field) => field.trim() === '')) continue;
      if (++rows > limits.maxRowsPerFile) throw new ImportFormatError('too_many_rows', file, line, String(limits.maxRowsPerFile));
      const extra = record.slice(headers.length).filter((f) => f.trim() !== '').length;
      if (extra > 0) sink.issue({ file, line, code: 'extra_columns', detail: String(extra) });
      const fields = record;
      const lookup = index;
      const row: CsvRow = { line, fields, get: (h) => (fields[lookup.get(normalisedOnce(h)) ?? -1] ?? '').trim() };
      if ((await onRow(row, headers)) === false) break;
    }
  } catch (error) {
    throw asFormatError(error, file);
  } finally {
    parser.destroy();
  }
  if (failure !== null && !isPrematureClose(failure)) throw asFormatError(failure, file);
  if (headers === null) throw new ImportFormatError('missing_headers', file, null);
  return { headers, rawHeaders, headerLine };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isPrematureClose(error: unknown): boolean {
  return (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/** Anything the CSV layer throws becomes an ImportFormatError; other errors (a sink's) pass through. */
export function asFormatError(error: unknown, file: string): unknown {
  if (error instanceof ImportFormatError) return error;
  if (error instanceof CsvError) return new ImportFormatError('csv_malformed', file, typeof error.lines === 'number' ? error.lines : null, error.code);
  return error;
}
