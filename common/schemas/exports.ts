/** A member's export over the API (docs/exports.md): requested, prepared by the job queue, downloaded by its owner. */
import { z } from 'zod';
import { EXPORT_STATUSES } from '../exports.ts';
import { bigIdParam } from './primitives.ts';

export const exportCreated = z.object({ id: z.number() });

export const exportView = z.object({
  id: z.number(),
  status: z.enum(EXPORT_STATUSES),
  /**
   * The download link once `done` (null before): relative to the server, carrying a token that only works for
   * the export's owner, until `expiresAt`. Each read of a finished export mints a fresh token.
   */
  url: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The ZIP's size in bytes once done. */
  bytes: z.number().nullable(),
  /** Why it failed, as a stable code (e.g. `build_failed`, `disk_full`); null otherwise. */
  failure: z.string().nullable(),
});
export type ExportView = z.infer<typeof exportView>;

export const exportList = z.object({ items: z.array(exportView) });

export const exportParams = z.strictObject({ id: bigIdParam });
/** The shape a download token has (`rx_` and 24 random bytes, base64url); anything else is refused before the database is asked. */
export const downloadQuery = z.strictObject({ token: z.string().regex(/^rx_[\w-]{32}$/, { message: 'must be a download token' }) });
