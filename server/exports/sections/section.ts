/**
 * What an export is made of: sections, each one file (a document) or a table written twice, as JSON and as
 * CSV. A section declares its fields with what each means (the README is written from them, so a file and its
 * description cannot drift) and produces its content from the database, a page at a time.
 */
import type { SQL } from 'drizzle-orm';
import { type Db, rows } from '../../db/connection.ts';

export interface ExportContext {
  db: Db;
  memberId: number;
  /** The instance's public URL, for the profile links of the people in the export. */
  publicUrl: string;
}

export type Row = Record<string, unknown>;

interface Common {
  /** The file's base name: `connections` → connections.json (and connections.csv for a table). */
  name: string;
  /** What the file holds, for the README. */
  about: string;
  /** Each field (a table's columns, in order; a document's top-level keys) and what it means. */
  fields: Record<string, string>;
}

export type ExportSection =
  | (Common & { kind: 'table'; rows: (ctx: ExportContext) => AsyncIterable<Row> })
  | (Common & { kind: 'document'; document: (ctx: ExportContext) => Promise<unknown> });

/** Rows fetched a page at a time, each page after the last row's key (keyset pagination, never OFFSET). */
export const PAGE = 2000;

/**
 * Pages through a query whose rows carry their keyset key as `k` (a number: the last page's greatest), and
 * yields them without it. `query(after)` must return rows with `k > after`, ordered by `k`, at most PAGE.
 */
export async function* paged(ctx: ExportContext, query: (after: number) => SQL): AsyncGenerator<Row> {
  let after = -1;
  for (;;) {
    const page = await rows<Row & { k: number | string }>(ctx.db, query(after));
    for (const { k: _k, ...row } of page) yield row;
    if (page.length < PAGE) return;
    after = Number(page[page.length - 1]!.k);
  }
}

/** The profile link of a member on this instance. */
export const profileUrl = (ctx: ExportContext, handle: string): string => `${ctx.publicUrl}/in/${handle}`;

/** Rows with a `handle` gain its `profileUrl`. */
export async function* withProfileUrls(ctx: ExportContext, source: AsyncIterable<Row>, field = 'handle', as = 'profileUrl'): AsyncGenerator<Row> {
  for await (const row of source) {
    const handle = row[field];
    yield { ...row, [as]: typeof handle === 'string' ? profileUrl(ctx, handle) : null };
  }
}

/** Several tables one after the other, as one. */
export async function* concat(...sources: AsyncIterable<Row>[]): AsyncGenerator<Row> {
  for (const source of sources) yield* source;
}
