/**
 * The kinds of notification and which come by email by default: plain values with no zod, so the web can
 * import them without pulling the schema library into its bundle (schemas: common/schemas/notifications.ts).
 */
export const NOTIFICATION_KINDS = [
  /** Someone's invitation arrived in my inbox. */
  'invitation_received',
  /** Someone accepted my invitation. */
  'invitation_accepted',
  /** My open policy (or one of my rules) accepted someone's invitation on arrival. */
  'connected_automatically',
  /** Someone commented on my post (grouped by post). */
  'comment',
  /** Someone replied to my comment (grouped by comment). */
  'reply',
  /** Someone mentioned me in a post or a comment. */
  'mention',
  /** Someone reacted to my post or comment (grouped by item: "Ana and 12 others reacted"). */
  'reaction',
  /** Someone reposted my post (grouped by post). */
  'repost',
  /** Someone asks me to introduce them (I am on the path, and it is my turn). */
  'introduction_requested',
  /** Someone asks to be introduced to me (the last introducer forwarded it). */
  'introduction_received',
  /** An introducer forwarded my request. */
  'introduction_forwarded',
  /** Someone on the path declined my request (or one I forwarded). */
  'introduction_declined',
  /** The target accepted: the group conversation is open. */
  'introduction_accepted',
  /** My introduction was accepted: thank the introducer (one per introducer). */
  'introduction_thank',
  /** My request expired before it was accepted. */
  'introduction_expired',
  /** An introduction has waited for me for a week. */
  'introduction_reminder',
  /** The weekly keep-in-touch reminder: some of my people are due a word by their cadence (no actor). */
  'keep_in_touch',
  /** Someone endorsed one of my skills (grouped: "Ana and 3 others endorsed your skills"). */
  'endorsement',
  /** A connection asks me to write them a recommendation. */
  'recommendation_requested',
  /** A connection wrote me a recommendation: it waits for my approval. */
  'recommendation_written',
  /** Someone approved the recommendation I wrote: it shows on their profile. */
  'recommendation_approved',
  /** My export is ready to download (no actor; `exportId` in its subject). */
  'export_ready',
  /** The community team suggests people for me, a newcomer, to meet (no actor; the people in its subject). */
  'introductions_suggested',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What a member may receive by email: every kind of notification, and the weekly digest for members who
 * have been away (docs/notifications.md, "Weekly digest"), which is an email only, never a notification.
 */
export const EMAIL_KINDS = [...NOTIFICATION_KINDS, 'digest'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Which kinds come by email too, unless the member says otherwise: what asks for an answer or is a new
 * relationship. Each email carries a one-click unsubscribe for its kind (RFC 8058).
 */
export const EMAIL_BY_DEFAULT: Record<EmailKind, boolean> = {
  invitation_received: true,
  invitation_accepted: true,
  connected_automatically: false,
  comment: false,
  reply: true,
  mention: true,
  reaction: false,
  repost: false,
  introduction_requested: true,
  introduction_received: true,
  introduction_forwarded: false,
  introduction_declined: false,
  introduction_accepted: true,
  introduction_thank: false,
  introduction_expired: false,
  introduction_reminder: true,
  keep_in_touch: true,
  endorsement: false,
  recommendation_requested: true,
  recommendation_written: true,
  recommendation_approved: false,
  export_ready: true,
  introductions_suggested: true,
  digest: true,
};
