/** Starting an import and its column-mapping step (the job, imports/run.ts, does the rest). */
import { sql } from 'drizzle-orm';
import type { ColumnMappingInput } from '../../../common/schemas/imports.ts';
import { type Db, rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { IMPORT_ATTEMPTS } from '../../jobs/kinds.ts';
import { UNFINISHED_IMPORTS_MAX } from '../../policies/imports.ts';
import { unfinishedImports } from '../../queries/imports/imports.ts';

/** Refused before the upload is read: a member may have only a couple of imports waiting at once. */
export async function checkCanStartImport(db: Db, memberId: number): Promise<void> {
  if ((await unfinishedImports(db, memberId)) >= UNFINISHED_IMPORTS_MAX) throw new AppError(409, 'imports_running', { params: { max: UNFINISHED_IMPORTS_MAX } });
}

/** The stored upload becomes an import, and its job is enqueued in the same transaction. */
export async function createImport(db: Db, memberId: number, upload: { fileName: string; storedPath: string; bytes: number }): Promise<number> {
  return inTransaction(db, async (tx) => {
    const [row] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO imports (member_id, file_name, stored_path, bytes_total) VALUES (${memberId}, ${upload.fileName}, ${upload.storedPath}, ${upload.bytes}) RETURNING id`,
    );
    await enqueueJob(tx, 'imports.run', { importId: row!.id }, { uniqueKey: `import:${row!.id}`, maxAttempts: IMPORT_ATTEMPTS });
    return row!.id;
  });
}

/** The member's column mapping for a CSV no preset knew: the import parses again with it. */
export async function setImportMapping(db: Db, importId: number, mapping: ColumnMappingInput): Promise<void> {
  // Without a name no row can become a contact: say so now, while the member can still change the mapping,
  // rather than failing the import with it.
  if (!mapping.name && !mapping.firstName && !mapping.lastName) throw new AppError(400, 'import_mapping_no_name');
  await inTransaction(db, async (tx) => {
    const updated = await rows<{ id: number }>(
      tx,
      sql`UPDATE imports SET mapping = ${JSON.stringify(mapping)}::jsonb, status = 'queued', updated_at = now()
           WHERE id = ${importId} AND status = 'needs_mapping' RETURNING id`,
    );
    if (!updated.length) throw new AppError(409, 'import_state');
    await enqueueJob(tx, 'imports.run', { importId }, { uniqueKey: `import:${importId}:mapped`, maxAttempts: IMPORT_ATTEMPTS });
  });
}
