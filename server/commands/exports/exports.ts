/**
 * A member's exports, the writes (docs/exports.md): requesting one (its row and its `exports.build` job in one
 * transaction), the build's state changes, and the download tokens. Tokens are random and stored only as
 * SHA-256 hashes; each read of a finished export mints one (the newest twenty stay valid until the export
 * expires), so a leaked table downloads nothing and a link works only for its owner while the export lasts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { EXPORT_VALID_DAYS, EXPORTS_PER_DAY } from '../../../common/exports.ts';
import { type Db, rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { conflict, minutesOf, tooManyRequests } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';

/** Download tokens kept per export: enough for a few tabs and an API script, without growing on polling. */
const TOKENS_KEPT = 20;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Queues an export of the member's data; refused while one is queued or running, or past the day's allowance. */
export async function requestExport(db: Db, memberId: number): Promise<number> {
  return inTransaction(db, async (tx) => {
    // The member's row lock orders two racing requests; the partial unique index would catch them anyway.
    await tx.execute(sql`SELECT 1 FROM members WHERE id = ${memberId} FOR UPDATE`);
    const [today] = await rows<{ n: number; oldest: string | null }>(
      tx,
      sql`SELECT count(*)::int AS n, min(created_at)::text AS oldest FROM exports
           WHERE member_id = ${memberId} AND created_at > now() - interval '1 day'`,
    );
    if ((today?.n ?? 0) >= EXPORTS_PER_DAY && today?.oldest) {
      const seconds = Math.max(1, Math.ceil((new Date(today.oldest).getTime() + 86_400_000 - Date.now()) / 1000));
      throw tooManyRequests(seconds, 'exports', { max: EXPORTS_PER_DAY, minutes: minutesOf(seconds) });
    }
    const [row] = await rows<{ id: string | number }>(
      tx,
      sql`INSERT INTO exports (member_id) VALUES (${memberId})
          ON CONFLICT (member_id) WHERE status IN ('queued', 'running') DO NOTHING
          RETURNING id`,
    );
    if (!row) throw conflict('export_in_progress');
    const id = Number(row.id);
    // One attempt: a failed build marks the export failed (the member asks again), and an operator sees the dead job.
    await enqueueJob(tx, 'exports.build', { exportId: id }, { uniqueKey: `export:${id}`, maxAttempts: 1 });
    return id;
  });
}

/** Takes a queued export for building; null when it is gone or already finished (a replayed job). */
export async function startExport(db: Db, exportId: number): Promise<{ memberId: number } | null> {
  const [row] = await rows<{ memberId: number }>(
    db,
    sql`UPDATE exports SET status = 'running', started_at = now()
         WHERE id = ${exportId} AND status IN ('queued', 'running')
        RETURNING member_id AS "memberId"`,
  );
  return row ?? null;
}

/** The ZIP is complete under its final name: the export is done, valid EXPORT_VALID_DAYS, and its owner is told. */
export async function finishExport(db: Db, exportId: number, memberId: number, file: { name: string; bytes: number }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const [row] = await rows<{ id: string | number }>(
      tx,
      sql`UPDATE exports SET status = 'done', file_name = ${file.name}, bytes = ${file.bytes}, finished_at = now(),
                 expires_at = now() + make_interval(days => ${EXPORT_VALID_DAYS})
           WHERE id = ${exportId} AND status = 'running'
          RETURNING id`,
    );
    if (!row) return false;
    await recordEvent(tx, { kind: 'export.ready', actorId: null, subjectId: memberId, data: { exportId } });
    return true;
  });
}

/** The build failed: the export says why (a stable code) and keeps no file; it expires like a finished one. */
export async function failExport(db: Db, exportId: number, code: string): Promise<void> {
  await db.execute(
    sql`UPDATE exports SET status = 'failed', failure = ${code}, finished_at = now(), file_name = NULL,
               expires_at = now() + make_interval(days => ${EXPORT_VALID_DAYS})
         WHERE id = ${exportId} AND status IN ('queued', 'running')`,
  );
}

/** A fresh download token for a finished, unexpired export of the member; null otherwise. */
export async function mintDownloadToken(db: Db, memberId: number, exportId: number): Promise<string | null> {
  const token = `rx_${randomBytes(24).toString('base64url')}`;
  const [row] = await rows<{ id: string | number }>(
    db,
    sql`UPDATE exports SET token_hashes = (ARRAY[${hashToken(token)}]::text[] || token_hashes)[1:${TOKENS_KEPT}]
         WHERE id = ${exportId} AND member_id = ${memberId} AND status = 'done' AND expires_at > now()
        RETURNING id`,
  );
  return row ? token : null;
}
