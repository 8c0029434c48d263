import type { AuditAction } from '../../common/moderation.ts';
import type { DbOrTx } from '../db/connection.ts';
import { auditEvents } from '../db/schema.ts';

export interface AuditEntry {
  actorId: number | null;
  /** One of the catalogue in common/schemas/admin.ts, so the operators' filter knows every action. */
  action: AuditAction;
  subjectType: string;
  subjectId?: string | number | null;
  data?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId == null ? null : String(entry.subjectId),
    data: entry.data ?? {},
    ip: entry.ip ?? null,
  });
}
