/** A member's exports, the reads (docs/exports.md): their list, one of them, and a download's file. */
import { sql } from 'drizzle-orm';
import type { ExportStatus } from '../../common/exports.ts';
import { type Db, rows } from '../db/connection.ts';

export interface ExportRow {
  id: number;
  memberId: number;
  status: ExportStatus;
  fileName: string | null;
  bytes: number | null;
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
}

const columns = sql`id::float8 AS id, member_id AS "memberId", status, file_name AS "fileName", bytes::float8 AS bytes, failure,
  to_json(created_at)#>>'{}' AS "createdAt", to_json(finished_at)#>>'{}' AS "finishedAt", to_json(expires_at)#>>'{}' AS "expiresAt"`;

/** One export of the member's (another member's is not found, as if it did not exist). */
export async function loadExport(db: Db, memberId: number, exportId: number): Promise<ExportRow | null> {
  const [row] = await rows<ExportRow>(db, sql`SELECT ${columns} FROM exports WHERE id = ${exportId} AND member_id = ${memberId}`);
  return row ?? null;
}

/** The member's exports, newest first (a few at most: the sweep deletes them after a week). */
export async function listExports(db: Db, memberId: number): Promise<ExportRow[]> {
  return rows<ExportRow>(db, sql`SELECT ${columns} FROM exports WHERE member_id = ${memberId} ORDER BY id DESC LIMIT 20`);
}

/** The file to send for a download: the owner's finished, unexpired export whose tokens include this one's hash. */
export async function findDownload(db: Db, memberId: number, exportId: number, tokenHash: string): Promise<{ fileName: string; bytes: number; finishedAt: string } | null> {
  const [row] = await rows<{ fileName: string; bytes: number; finishedAt: string }>(
    db,
    sql`SELECT file_name AS "fileName", bytes::float8 AS bytes, to_json(finished_at)#>>'{}' AS "finishedAt" FROM exports
         WHERE id = ${exportId} AND member_id = ${memberId} AND status = 'done' AND file_name IS NOT NULL
           AND expires_at > now() AND ${tokenHash} = ANY(token_hashes)`,
  );
  return row ?? null;
}
