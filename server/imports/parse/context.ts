/**
 * What every reader of one file shares: the file's name, the limits, and a sink that counts what it is given
 * for the upload's summary. Readers report through it rather than the pipeline's sink directly.
 */
import type { ImportIssue, ImportLimits, ImportRecord, ImportSink } from '../records.ts';
import { type ParsedDate, parseBirthday, parseDate } from './dates.ts';
import type { CsvRow } from './csv-rows.ts';

export interface FileSummary {
  name: string;
  records: number;
  issues: number;
}

export interface ParseSummary {
  /** Files that were read, in the order they were read. */
  files: FileSummary[];
  /** Files of an archive that were skipped without being opened. */
  ignored: string[];
}

export class CountingSink implements ImportSink {
  readonly summary: ParseSummary = { files: [], ignored: [] };
  private readonly byName = new Map<string, FileSummary>();

  constructor(private readonly inner: ImportSink) {}

  /** Lists a file in the summary even before (or without) any record. */
  file(name: string): FileSummary {
    let entry = this.byName.get(name);
    if (!entry) {
      entry = { name, records: 0, issues: 0 };
      this.byName.set(name, entry);
      this.summary.files.push(entry);
    }
    return entry;
  }

  ignore(name: string): void {
    this.summary.ignored.push(name);
  }

  record(record: ImportRecord): Promise<void> | void {
    this.file(record.at.file).records++;
    return this.inner.record(record);
  }

  issue(issue: ImportIssue): void {
    this.file(issue.file).issues++;
    this.inner.issue(issue);
  }

  progress(done: number, total: number): void {
    this.inner.progress(done, total);
  }
}

export interface FileContext {
  file: string;
  limits: ImportLimits;
  sink: CountingSink;
}

/** A date cell: its ISO value, or undefined with a bad_date issue naming the column when it cannot exist. */
export function dateCell(ctx: FileContext, row: CsvRow, header: string, parse: (text: string) => ParsedDate = parseDate): string | undefined {
  const text = row.get(header);
  const parsed = parse(text);
  if (parsed === 'bad') {
    ctx.sink.issue({ file: ctx.file, line: row.line, code: 'bad_date', detail: `${header}: ${text.slice(0, 40)}` });
    return undefined;
  }
  return parsed?.iso;
}

export const birthdayCell = (ctx: FileContext, row: CsvRow, header: string): string | undefined => dateCell(ctx, row, header, parseBirthday);

/** Reports the same person twice in one file (first wins); returns whether the row may go on. */
export function firstSighting(ctx: FileContext, seen: Set<string>, key: string, line: number): boolean {
  if (seen.has(key)) {
    ctx.sink.issue({ file: ctx.file, line, code: 'duplicate_row', detail: key });
    return false;
  }
  seen.add(key);
  return true;
}
