import { sql } from 'drizzle-orm';
import { EMAIL_BY_DEFAULT, EMAIL_KINDS, type EmailKind, type NotificationSettings } from '../../common/schemas/notifications.ts';
import { type Db, rows } from '../db/connection.ts';

type Choices = Partial<Record<EmailKind, boolean>>;

const settingsOf = (choices: Choices | null): NotificationSettings => ({
  email: Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, choices?.[kind] ?? EMAIL_BY_DEFAULT[kind]])) as Record<EmailKind, boolean>,
});

/** A member's email choice for every kind: theirs where they made one, else the default. */
export async function loadNotificationSettings(db: Db, memberId: number): Promise<NotificationSettings> {
  const [row] = await rows<{ email: Choices }>(db, sql`SELECT email FROM notification_preferences WHERE member_id = ${memberId}`);
  return settingsOf(row?.email ?? null);
}

/** What an unsubscribe link's token stands for: whether that kind still comes by email; null for an unknown token. */
export async function subscriptionByToken(db: Db, token: string, kind: EmailKind): Promise<{ subscribed: boolean } | null> {
  const [row] = await rows<{ email: Choices }>(db, sql`SELECT email FROM notification_preferences WHERE unsubscribe_token = ${token}`);
  return row ? { subscribed: settingsOf(row.email).email[kind] } : null;
}
