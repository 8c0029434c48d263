/**
 * Every kind of job and its payload: enqueueJob and JobQueue.register are typed by this table, so a payload
 * cannot drift from its handler. Payloads are ids and codes (JSON), never a message's text: a handler loads
 * what it needs when it runs. Adding a kind is one line here and one `jobs.register(...)` where the app is
 * built (server/app.ts, e.g. registerLinkPreviews in jobs/link-previews.ts).
 */
export interface JobKinds {
  /** Deliver one email of email_outbox (jobs/email-delivery.ts). */
  'email.send': { emailId: number };
  /** Find this week's away members and enqueue a digest for each (digest/schedule.ts). */
  'digest.schedule': { week: string };
  /** One member's weekly digest (digest/send.ts); unique per member and ISO week. */
  'digest.send': { memberId: number; week: string };
  /** Hourly upkeep, each scheduled once per hour across processes (jobs/maintenance.ts). */
  'invitations.expire': { slot: string };
  'restrictions.expire': { slot: string };
  'clusters.scan': { slot: string };
  'jobs.prune': { slot: string };
  'uploads.expire': { slot: string };
  /** Delete the rate limits' counters whose window has ended (db/rate-limit-counters.ts), hourly. */
  'rate-limits.sweep': { slot: string };
  /** Expire introductions past their date and remind whoever has let one wait a week (commands/introductions/sweep.ts). */
  'introductions.sweep': { slot: string };
  /** Find members whose account deletion grace has passed and enqueue a purge for each (jobs/account-deletion.ts). */
  'deletions.sweep': { slot: string };
  /** Purge one member's account (commands/deletion/purge.ts); unique per member. */
  'account.purge': { memberId: number };
  /** Remind members whose people are due a word (jobs/keep-in-touch.ts), weekly. */
  'relationships.remind': { week: string };
  /** Write a member's export ZIP (exports/build.ts), enqueued with the export's row. */
  'exports.build': { exportId: number };
  /** Delete expired exports and their files (commands/exports/sweep.ts), hourly. */
  'exports.sweep': { slot: string };
  /** Fetch a post's pending link preview (jobs/link-previews.ts), enqueued with the post's write. */
  'link-preview.refresh': { postId: number };
  /** Parse and apply one member's upload (imports/run.ts), enqueued with the upload and again after its column mapping. */
  'imports.run': { importId: number };
  /** Back up the embedded database's data directory (jobs/backup.ts), daily. */
  'backup.embedded': { day: string };
  /** Recompute the garden's community baseline (commands/garden/baseline.ts), daily. */
  'garden.baseline': { day: string };
  /** The community's clusters, bridges and density today (commands/community/structure.ts), daily. */
  'community.structure': { day: string };
  /** Bring the operator's community rollups up to date, recomputing only the recent days (commands/community/rollups.ts), hourly. */
  'community.rollup': { slot: string };
  /** Learn people-you-may-know weights from the community's history (jobs/suggestions-learn.ts), weekly. */
  'suggestions.learn': { week: string };
}

export type JobKind = keyof JobKinds;

/** Attempts before an email is given up (`failed` in the outbox, its job dead): the last about an hour after the first. */
export const EMAIL_ATTEMPTS = 8;
/** Attempts at a link preview before a failure that may pass (a timeout, a 5xx) is final. */
export const LINK_PREVIEW_ATTEMPTS = 3;
/** Attempts at an import before it ends failed (each resumes where the last stopped). */
export const IMPORT_ATTEMPTS = 5;
