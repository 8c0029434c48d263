/** An export as its owner sees it over the API (common/schemas/exports.ts): a pure presenter. */
import type { ExportView } from '../../common/schemas/exports.ts';
import type { ExportRow } from '../queries/exports.ts';

/** `token` is the download token just minted for a finished export (null otherwise). */
export function presentExport(row: ExportRow, token: string | null): ExportView {
  return {
    id: row.id,
    status: row.status,
    url: row.status === 'done' && token ? `/api/v1/exports/${row.id}/download?token=${encodeURIComponent(token)}` : null,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    bytes: row.status === 'done' ? row.bytes : null,
    failure: row.failure,
  };
}
