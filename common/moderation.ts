/**
 * Moderation vocabulary shared by the server and the web app, without zod, so the web bundle can use it:
 * the kinds of restriction, the longest time-limited one, the kinds of content that can be reported and
 * removed, and the catalogue of audit actions.
 */

export const RESTRICTION_KINDS = ['held', 'limited', 'invitations'] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

/** What a report can be about besides a member or an invitation, and what an operator can remove. */
export const CONTENT_KINDS = ['post', 'comment', 'message'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** The longest a time-limited restriction may last; without a duration it lasts until an operator lifts it. */
export const RESTRICTION_DAYS_MAX = 365;

/**
 * Every action the audit log records. recordAudit() accepts only these, so a new action cannot reach the
 * log without a place in the operators' filter (and a wording in the web app's audit panel).
 */
export const AUDIT_ACTIONS = [
  'member.signup',
  'member.suspend',
  'member.reinstate',
  'member.promote',
  'member.demote',
  'member.block',
  'moderation.dismiss',
  'moderation.warn',
  'moderation.restrict',
  'moderation.suspend',
  'moderation.lift',
  'moderation.remove_content',
  'report.create',
  'invitation.dont_know',
  'invitation.dont_know_undone',
  'organisation.merge',
  'profile.update',
  'password.change',
  'password.reset',
  'token.create',
  'token.revoke',
  'job.retry',
  'job.discard',
  'job.run_digest',
  // Account deletion (docs/account-deletion.md): that it happened, never what was deleted.
  'account.delete_request',
  'account.delete_cancel',
  'account.purge',
  // Helping a newcomer in (Admin → Community): the welcome post and the people suggested to them.
  'community.welcome_post',
  'community.suggest_introductions',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** An area of the log: every action that starts with it ("moderation." is every moderation action). */
export const AUDIT_AREAS = ['member.', 'moderation.', 'report.', 'invitation.', 'organisation.', 'profile.', 'password.', 'token.', 'job.', 'account.', 'community.'] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];
