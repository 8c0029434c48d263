/**
 * The parsing half of an import: a sink (records.ts) that stages what a parser reads into `import_records`
 * in batches, gathers the report by file and line, and records progress as bytes read. Nothing here touches
 * a member's contacts: applying is apply.ts, after the whole upload has parsed, so a file that cannot be
 * read leaves nothing half-imported.
 */
import { sql } from 'drizzle-orm';
import type { ImportReport, ImportReportFile } from '../../common/schemas/imports.ts';
import type { Db } from '../db/connection.ts';
import type { ImportIssue, ImportRecord, ImportSink } from './records.ts';

/** Contacts first, then what names them (interactions, notes), then the rest: the order apply.ts walks. */
export const RANK: Record<ImportRecord['kind'], number> = {
  contact: 1,
  interactions: 2,
  note: 2,
  profile: 3,
  position: 3,
  education: 3,
  skill: 3,
  endorsement_received: 3,
  recommendation_received: 3,
};

const STAGE_BATCH = 1_000;
/** Issues kept per file for the report; the rest are counted. */
export const ISSUES_PER_FILE = 200;
/** How often progress reaches the row (it is polled by the page). */
const PROGRESS_EVERY_MS = 500;

export function emptyReport(): ImportReport {
  return { files: [], applied: {}, error: null };
}

/** Adds an issue to the report under its file, keeping the first ISSUES_PER_FILE. */
export function addIssue(report: ImportReport, issue: ImportIssue): void {
  const file = fileOf(report, issue.file);
  if (file.issues.length < ISSUES_PER_FILE) file.issues.push({ line: issue.line, code: issue.code, ...(issue.detail ? { detail: issue.detail.slice(0, 300) } : {}) });
  else file.issuesOmitted++;
}

export function fileOf(report: ImportReport, name: string): ImportReportFile {
  let file = report.files.find((f) => f.file === name);
  if (!file) {
    file = { file: name, records: {}, issues: [], issuesOmitted: 0 };
    report.files.push(file);
  }
  return file;
}

export class StagingSink implements ImportSink {
  readonly report = emptyReport();
  private buffer: { rank: number; seq: number; record: ImportRecord }[] = [];
  private seq = 0;
  private done = 0;
  private total = 0;
  private lastProgress = 0;
  private pendingProgress: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly importId: number,
    private readonly memberId: number,
  ) {}

  async record(record: ImportRecord): Promise<void> {
    const file = fileOf(this.report, record.at.file);
    file.records[record.kind] = (file.records[record.kind] ?? 0) + 1;
    this.buffer.push({ rank: RANK[record.kind], seq: ++this.seq, record });
    if (this.buffer.length >= STAGE_BATCH) await this.flush();
  }

  issue(issue: ImportIssue): void {
    addIssue(this.report, issue);
  }

  progress(done: number, total: number): void {
    this.done = done;
    this.total = total;
    const now = Date.now();
    if (now - this.lastProgress < PROGRESS_EVERY_MS || this.pendingProgress) return;
    this.lastProgress = now;
    this.pendingProgress = this.writeProgress().finally(() => {
      this.pendingProgress = null;
    });
  }

  get records(): number {
    return this.seq;
  }

  /** Writes what is buffered; then the row says all bytes are read. */
  async finish(): Promise<void> {
    await this.flush();
    await this.pendingProgress;
    if (this.total === 0) this.done = this.total = 0;
    await this.writeProgress();
  }

  private async writeProgress(): Promise<void> {
    await this.db.execute(sql`UPDATE imports SET bytes_done = ${this.done}, bytes_total = GREATEST(bytes_total, ${this.total}), updated_at = now() WHERE id = ${this.importId}`);
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    await this.db.execute(
      sql`INSERT INTO import_records (import_id, member_id, rank, seq, record)
          SELECT ${this.importId}, ${this.memberId}, x.rank, x.seq, x.record
            FROM jsonb_to_recordset(${jsonText(batch)}::jsonb) AS x(rank smallint, seq integer, record jsonb)`,
    );
  }
}

/** JSON for a jsonb parameter: jsonb refuses the NUL character, which a hostile file may carry. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1');
}
