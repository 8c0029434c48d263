/**
 * What a member's upload turns into: the one contract between the parsers (server/imports/parse/, which know
 * LinkedIn archives, vCards, contact CSVs and Rapport's own export) and the pipeline that stages and applies
 * them (server/imports/). A parser streams records, issues and progress into a sink; it never touches the
 * database, so it can be fuzzed on its own. Dates are ISO strings (yyyy-mm-dd, or yyyy-mm / yyyy where the
 * source gives no more; instants as full ISO timestamps in UTC).
 */
import type { Readable } from 'node:stream';

/** Where a record or an issue came from, for the report: the file's name inside the upload and its 1-based line. */
export interface SourceLine {
  file: string;
  line: number;
}

/** A person as another address book knew them. `name` is never empty (a parser reports a row without one). */
export interface ImportedPerson {
  name: string;
  firstName?: string;
  lastName?: string;
  /** Lower-cased, trimmed, deduplicated. */
  emails: string[];
  phones: string[];
  /** Profile and personal URLs; a LinkedIn profile URL normalised to `https://www.linkedin.com/in/<slug>`. */
  urls: string[];
  organisation?: string;
  title?: string;
  /** yyyy-mm-dd, or --mm-dd when the year is not given (vCard 4). */
  birthday?: string;
  note?: string;
  /** When we connected on the network the file came from (LinkedIn's `Connected On`). */
  connectedOn?: string;
}

/** Who a record is about when the source names them only loosely (a message's sender, a note's subject). */
export interface PersonRef {
  name: string;
  url?: string;
}

export type ImportSource = 'linkedin' | 'vcard' | 'csv' | 'rapport';

export type ImportRecord =
  | {
      kind: 'contact';
      source: ImportSource;
      at: SourceLine;
      person: ImportedPerson;
      /** Rapport's own export carries a card's memory; other sources leave these out. */
      metText?: string;
      cadence?: string;
      tags?: { name: string; colour?: string; cadence?: string }[];
      notes?: { text: string; metOn?: string }[];
    }
  /** Message and invitation rows folded per person: counts and the latest date only, never their text. */
  | { kind: 'interactions'; at: SourceLine; person: PersonRef; messages: number; invitations: number; lastAt: string }
  /** A row of LinkedIn's Notes.csv: a private note about someone. */
  | { kind: 'note'; at: SourceLine; person: PersonRef; text: string; date?: string }
  | {
      kind: 'profile';
      at: SourceLine;
      profile: { firstName?: string; lastName?: string; headline?: string; summary?: string; location?: string; industry?: string; websites: string[] };
    }
  | { kind: 'position'; at: SourceLine; position: { organisation: string; title?: string; description?: string; location?: string; startedOn?: string; finishedOn?: string } }
  | { kind: 'education'; at: SourceLine; education: { school: string; degree?: string; startedOn?: string; finishedOn?: string; notes?: string; activities?: string } }
  | { kind: 'skill'; at: SourceLine; name: string }
  /** History from the other network, shown as such and never as a live endorsement or recommendation. */
  | { kind: 'endorsement_received'; at: SourceLine; skill: string; endorser: PersonRef; date?: string }
  | { kind: 'recommendation_received'; at: SourceLine; author: PersonRef & { organisation?: string; title?: string }; text: string; date?: string };

export type ImportRecordKind = ImportRecord['kind'];

/** A row the parser skipped or merged, reported by file and line; the rest of the file goes on. */
export interface ImportIssue extends SourceLine {
  code: string;
  detail?: string;
}

/** Where a parser sends what it reads; awaiting `record` gives the pipeline backpressure. */
export interface ImportSink {
  record(record: ImportRecord): Promise<void> | void;
  issue(issue: ImportIssue): void;
  /** Bytes of the upload read so far, of its total. */
  progress(done: number, total: number): void;
}

/** An entry of an uploaded archive, opened only if a parser wants it (other files are never read). */
export interface ArchiveEntry {
  /** The entry's path inside the archive, already checked against traversal. */
  name: string;
  uncompressedSize: number;
  open(): Promise<Readable>;
}

export interface ImportLimits {
  /** Largest upload accepted, in bytes (200 MB by default). */
  maxUploadBytes: number;
  /** Most data rows read from one file (100,000 by default). */
  maxRowsPerFile: number;
  /** Largest total the entries of an archive may inflate to, and the largest inflation ratio of one entry. */
  maxInflatedBytes: number;
  maxInflationRatio: number;
}

/**
 * A file that cannot be read at all: the whole import fails with it and nothing is applied. `code` is a
 * stable code (e.g. zip_truncated, zip_bomb, zip_path_traversal, not_utf8, missing_headers, file_too_large,
 * too_many_rows, unrecognised_file) worded in both languages where the report is shown.
 */
export class ImportFormatError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    readonly line: number | null,
    readonly detail?: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportFormatError';
  }
}

/**
 * How the columns of a generic contacts CSV map onto a person: each field names a header of the file (matched
 * case-insensitively); the list fields may name several columns. A name comes from `name`, or from `firstName`
 * and `lastName` when `name` is absent or empty in a row.
 */
export interface ColumnMapping {
  name?: string;
  firstName?: string;
  lastName?: string;
  emails?: string[];
  phones?: string[];
  urls?: string[];
  organisation?: string;
  title?: string;
  birthday?: string;
  note?: string;
}
