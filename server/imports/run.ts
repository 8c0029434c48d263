/**
 * The `imports.run` job: an upload from its stored file to done (or failed), resumable at every step.
 *
 * 1. Parsing (status `parsing`): the parser streams records into the staging table (stage.ts); progress is
 *    the bytes read. A retry of this step starts it over (the staged rows of the import are cleared first):
 *    parsing is deterministic and nothing outside the staging table has changed yet. A file that cannot be
 *    read at all (ImportFormatError) fails the import with its file, line and code; nothing is applied. A
 *    contacts CSV no preset knows stops at `needs_mapping` until the member maps its columns.
 * 2. Applying (status `applying`): the staged records in (rank, seq) order, a batch per transaction, each
 *    transaction advancing the checkpoint with the writes (apply.ts), so a job that dies resumes after the
 *    last batch that committed, and a batch applied twice changes nothing.
 * 3. Done: the report gets what was applied, the staged rows and the stored upload are deleted.
 */
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { ImportReport } from '../../common/schemas/imports.ts';
import { type Db, rows } from '../db/connection.ts';
import type { ImportStatus } from '../db/tables/imports.ts';
import { inTransaction } from '../db/transaction.ts';
import { applyBatch } from './apply.ts';
import { type DegreesOf, MatchIndex } from './match.ts';
import { type ColumnMapping, ImportFormatError, type ImportLimits, type ImportRecord, type ImportSink } from './records.ts';
import { addIssue, emptyReport, jsonText, StagingSink } from './stage.ts';

/** The parsers' entry (server/imports/parse/), injected so the pipeline is tested with records of its own. */
export type ParseUpload = (file: { path: string; name: string }, options: { limits: ImportLimits; mapping?: ColumnMapping }, sink: ImportSink) => Promise<unknown>;
/** The column-mapping step's look at a CSV: its headers, a few rows and the mapping a preset proposes. */
export type InspectUpload = (file: { path: string; name: string }, limits: ImportLimits) => Promise<{ headers: string[]; sample: string[][]; preset: string | null; proposed: ColumnMapping }>;

export interface ImportJobDeps {
  db: Db;
  parse: ParseUpload;
  inspect: InspectUpload;
  limits: ImportLimits;
  degreesOf: DegreesOf;
  /** Records per applying transaction. */
  batchSize?: number;
  /** Tests: called after each applied batch commits (throwing there is a crash between two batches). */
  afterBatch?: (batch: number) => void;
}

interface ImportRow {
  id: number;
  memberId: number;
  status: ImportStatus;
  fileName: string;
  storedPath: string | null;
  mapping: ColumnMapping | null;
  report: ImportReport;
  counts: Record<string, number>;
  checkpointRank: number;
  checkpointSeq: number;
}

const DEFAULT_BATCH = 1_000;

async function load(db: Db, id: number): Promise<ImportRow | undefined> {
  const [row] = await rows<ImportRow>(
    db,
    sql`SELECT id, member_id AS "memberId", status, file_name AS "fileName", stored_path AS "storedPath", mapping, report, counts,
               checkpoint_rank AS "checkpointRank", checkpoint_seq AS "checkpointSeq"
          FROM imports WHERE id = ${id}`,
  );
  return row;
}

export async function runImport(deps: ImportJobDeps, importId: number): Promise<void> {
  let row = await load(deps.db, importId);
  if (!row || row.status === 'done' || row.status === 'failed' || row.status === 'needs_mapping') return;
  if (row.status === 'queued' || row.status === 'parsing') {
    const parsed = await parseStep(deps, row);
    if (!parsed) return;
    row = (await load(deps.db, importId))!;
  }
  await applyStep(deps, row);
}

async function parseStep(deps: ImportJobDeps, row: ImportRow): Promise<boolean> {
  const { db } = deps;
  await db.execute(sql`DELETE FROM import_records WHERE import_id = ${row.id}`);
  await db.execute(sql`UPDATE imports SET status = 'parsing', bytes_done = 0, updated_at = now() WHERE id = ${row.id}`);
  if (!row.storedPath) {
    await fail(db, row, new ImportFormatError('upload_missing', row.fileName, null));
    return false;
  }
  const file = { path: row.storedPath, name: row.fileName };
  const sink = new StagingSink(db, row.id, row.memberId);
  try {
    await deps.parse(file, { limits: deps.limits, ...(row.mapping ? { mapping: row.mapping } : {}) }, sink);
    await sink.finish();
  } catch (err) {
    if (!(err instanceof ImportFormatError)) throw err;
    await db.execute(sql`DELETE FROM import_records WHERE import_id = ${row.id}`);
    if (err.code === 'mapping_required' && !row.mapping) {
      const inspection = await deps.inspect(file, deps.limits).catch(() => null);
      if (inspection) {
        await db.execute(
          sql`UPDATE imports SET status = 'needs_mapping', inspection = ${jsonText(inspection)}::jsonb, report = ${jsonText(sink.report)}::jsonb, updated_at = now() WHERE id = ${row.id}`,
        );
        return false;
      }
    }
    await fail(db, row, err, sink.report);
    return false;
  }
  await db.execute(
    sql`UPDATE imports SET status = 'applying', records_total = ${sink.records}, records_applied = 0, checkpoint_rank = 0, checkpoint_seq = 0,
               counts = '{}', report = ${jsonText(sink.report)}::jsonb, updated_at = now()
         WHERE id = ${row.id}`,
  );
  return true;
}

async function applyStep(deps: ImportJobDeps, row: ImportRow): Promise<void> {
  const { db } = deps;
  const report = row.report ?? emptyReport();
  const counts = { ...row.counts };
  const matcher = await MatchIndex.build(db, row.memberId, deps.degreesOf);
  let at = { rank: row.checkpointRank, seq: row.checkpointSeq };
  for (let n = 1; ; n++) {
    const batch = await rows<{ rank: number; seq: number; record: ImportRecord }>(
      db,
      sql`SELECT rank, seq, record FROM import_records
           WHERE import_id = ${row.id} AND (rank, seq) > (${at.rank}, ${at.seq})
           ORDER BY rank, seq LIMIT ${deps.batchSize ?? DEFAULT_BATCH}`,
    );
    if (batch.length === 0) break;
    const last = batch[batch.length - 1]!;
    await inTransaction(db, async (tx) => {
      await applyBatch({ tx, memberId: row.memberId, importId: row.id, matcher, counts, issue: (i) => addIssue(report, i) }, batch.map((b) => b.record));
      report.applied = counts;
      await tx.execute(
        sql`UPDATE imports SET checkpoint_rank = ${last.rank}, checkpoint_seq = ${last.seq}, records_applied = records_applied + ${batch.length},
                   counts = ${jsonText(counts)}::jsonb, report = ${jsonText(report)}::jsonb, updated_at = now()
             WHERE id = ${row.id}`,
      );
    });
    at = { rank: last.rank, seq: last.seq };
    deps.afterBatch?.(n);
  }
  report.applied = counts;
  await db.execute(
    sql`UPDATE imports SET status = 'done', report = ${jsonText(report)}::jsonb, stored_path = NULL, finished_at = now(), updated_at = now() WHERE id = ${row.id}`,
  );
  await cleanUp(db, row);
}

/** The import ends failed with its error in the report; nothing staged is applied. */
export async function fail(db: Db, row: Pick<ImportRow, 'id' | 'storedPath'>, err: ImportFormatError, report: ImportReport = emptyReport()): Promise<void> {
  report.error = { code: err.code, file: err.file, line: err.line, ...(err.detail ? { detail: err.detail.slice(0, 300) } : {}) };
  await db.execute(
    sql`UPDATE imports SET status = 'failed', error = ${jsonText(report.error)}::jsonb, report = ${jsonText(report)}::jsonb,
               stored_path = NULL, finished_at = now(), updated_at = now()
         WHERE id = ${row.id}`,
  );
  await cleanUp(db, row);
}

async function cleanUp(db: Db, row: Pick<ImportRow, 'id' | 'storedPath'>): Promise<void> {
  await db.execute(sql`DELETE FROM import_records WHERE import_id = ${row.id}`);
  if (row.storedPath) await rm(row.storedPath, { force: true });
}

/** The last attempt of a job that kept failing for no reason of the file's: the import ends failed. */
export async function giveUp(db: Db, importId: number): Promise<void> {
  const row = await load(db, importId);
  if (!row || row.status === 'done' || row.status === 'failed') return;
  const report = row.report ?? emptyReport();
  await fail(db, row, new ImportFormatError('import_failed', row.fileName, null), report);
}

