import { z } from 'zod';

/** Where the member's account deletion stands (DELETE /me answers it with 202; GET /me/deletion reads it). */
export const accountDeletionView = z.object({
  scheduled: z.boolean(),
  /** When the purge may run (ISO 8601), or null when nothing is scheduled. */
  purgeAfter: z.string().nullable(),
  requestedAt: z.string().nullable(),
});
export type AccountDeletionView = z.infer<typeof accountDeletionView>;

/** The operators' count: pending deletions and, per month, how many completed and were cancelled. Never who. */
export const deletionCountsView = z.object({
  pending: z.number().int(),
  months: z.array(z.object({ month: z.string(), completed: z.number().int(), cancelled: z.number().int() })),
});
export type DeletionCountsView = z.infer<typeof deletionCountsView>;
