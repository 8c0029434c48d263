/**
 * Notifications: what happened to a member, grouped as Mastodon groups them ("Ana and 12 others reacted to
 * your post"). The server sends kinds, people and ids; the web words them in the reader's language
 * (web/i18n/resources/<lng>/notifications.ts), and emails are worded by the server from the same kinds.
 */
import { z } from 'zod';
import { EMAIL_BY_DEFAULT, EMAIL_KINDS, type EmailKind, NOTIFICATION_KINDS, type NotificationKind } from '../notifications.ts';
import { cursor } from './primitives.ts';
import { page, personCard, personCardWithConnection } from './search.ts';

export { NOTIFICATION_KINDS, EMAIL_KINDS, EMAIL_BY_DEFAULT, type NotificationKind, type EmailKind };

/** The ids a notification points at; which are present depends on the kind. */
export const notificationSubject = z.object({
  invitationId: z.number().optional(),
  postId: z.number().optional(),
  commentId: z.number().optional(),
  conversationId: z.number().optional(),
  introductionId: z.number().optional(),
  /** keep_in_touch: how many people are due a word. */
  count: z.number().optional(),
  /** export_ready: the export to download. */
  exportId: z.number().optional(),
  /** introductions_suggested: the members suggested, in the order the operator's pick gave them. */
  people: z.array(z.number()).optional(),
});
export type NotificationSubject = z.infer<typeof notificationSubject>;

/** One group: its newest notification's id, kind, subject and time; how many; the newest few people. */
export const notificationView = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  subject: notificationSubject,
  /** Up to three of the people who did it, newest first; `count` is how many times it happened. */
  actors: z.array(personCard),
  /**
   * introductions_suggested: the people suggested, with the reader's connection state and what they may do
   * (Connect opens the invitation with its note), so each is one click away; empty for the other kinds.
   */
  people: z.array(personCardWithConnection),
  count: z.number(),
  /** How many different people did it (the "12 others" of "Ana and 12 others"). */
  actorCount: z.number(),
  createdAt: z.string(),
  unread: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationPage = page(notificationView);
export const notificationsQuery = z.strictObject({ cursor });

/** How many groups have something unread: the bell's badge. */
export const unreadNotifications = z.object({ count: z.number() });

/** Marks read everything up to and including this notification id (default: everything). */
export const markNotificationsRead = z.strictObject({ upTo: z.number().int().min(1).optional() });


/** One boolean per kind, as an object with a property for each (OpenAPI tools refuse a record keyed by an enum). */
const perKind = <T extends z.ZodType>(value: T) => Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, value])) as Record<EmailKind, T>;

/** For each kind (the notifications and the weekly digest), whether it comes by email. */
export const notificationSettings = z.object({ email: z.object(perKind(z.boolean())) });
export type NotificationSettings = z.infer<typeof notificationSettings>;
/** The kinds to change; the others keep their setting. */
export const notificationSettingsUpdate = z.strictObject({ email: z.strictObject(perKind(z.boolean().optional())) });

/** One-click unsubscribe: the token from the email's link, and the kind it stops. */
export const unsubscribeQuery = z.strictObject({
  // The shape newSecret('un', …) gives; anything else is refused before the database is asked.
  token: z.string().regex(/^un_[\w-]{8,64}$/, { message: 'must be an unsubscribe token' }),
  kind: z.enum(EMAIL_KINDS),
});
export const subscriptionView = z.object({ kind: z.enum(EMAIL_KINDS), subscribed: z.boolean() });
