/**
 * Notification emails, queued in the notification's own transaction (record.ts), so an email exists exactly
 * when its change committed: to active members with a confirmed address who want that kind by email
 * (EMAIL_BY_DEFAULT, unless they chose otherwise), in their language, with a one-click unsubscribe for the
 * kind (RFC 8058: List-Unsubscribe with an https link, and List-Unsubscribe-Post).
 *
 * An app turns it on for its database (emailNotificationsOn) with the links' base and the community's
 * language; scripts and imports that write events without an app send nothing.
 */
import { sql } from 'drizzle-orm';
import type { Locale } from '../../common/locales.ts';
import { EMAIL_BY_DEFAULT, type EmailKind } from '../../common/schemas/notifications.ts';
import { newSecret } from '../auth/secrets.ts';
import { queueEmail } from '../commands/queue-email.ts';
import { type Db, rows, type Tx } from '../db/connection.ts';
import { transactionScope } from '../db/transaction.ts';
import { notificationMessage } from '../email/templates.ts';
import { intArray } from '../graph/sql.ts';
import type { NewNotification } from './from-events.ts';

export interface EmailSettings {
  /** The public base of links (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  defaultLocale: Locale;
}

const settings = new WeakMap<Db, EmailSettings>();

/** The links' base and the community's language for emails written on `db`; undefined where no app turned them on. */
export const emailSettingsOf = (db: Db): EmailSettings | undefined => settings.get(db);

export function emailNotificationsOn(db: Db, options: EmailSettings): () => void {
  settings.set(db, options);
  return () => settings.delete(db);
}

interface Person {
  id: number;
  handle: string;
  name: string;
  email: string;
  locale: Locale | null;
  reachable: boolean;
  prefs: Partial<Record<EmailKind, boolean>> | null;
  token: string | null;
}

/** Whether a member wants this kind by email: their own choice, else the default. */
export const wantsEmail = (prefs: Person['prefs'], kind: EmailKind): boolean => prefs?.[kind] ?? EMAIL_BY_DEFAULT[kind];

/** The Recommendations page's box each recommendation notification opens on. */
const RECOMMENDATION_BOX: Partial<Record<NewNotification['kind'], string>> = {
  recommendation_requested: 'requests',
  recommendation_written: 'received',
  recommendation_approved: 'written',
};

/** Where a notification's email takes its reader. */
function linkFor(base: string, n: NewNotification, actor: Person | undefined): string {
  if (n.data.introductionId !== undefined) return `${base}/introductions`;
  if (n.data.postId !== undefined) return `${base}/posts/${n.data.postId}`;
  if (n.kind === 'keep_in_touch') return `${base}/keep-in-touch`;
  // Not the download itself: its link carries a token, which an email (kept in the outbox) must not.
  if (n.kind === 'export_ready') return `${base}/settings#your-data`;
  // The notification itself: it lists the people suggested, each with Connect.
  if (n.kind === 'introductions_suggested') return `${base}/notifications`;
  const box = RECOMMENDATION_BOX[n.kind];
  if (box) return `${base}/recommendations?box=${box}`;
  if (n.kind === 'invitation_received' || !actor) return `${base}/network`;
  return `${base}/in/${actor.handle}`;
}

export async function queueNotificationEmails(tx: Tx, notified: readonly NewNotification[]): Promise<void> {
  const scope = transactionScope(tx);
  const options = scope && settings.get(scope.db);
  if (!options || notified.length === 0) return;
  const ids = new Set(notified.flatMap((n) => [n.memberId, ...(n.actorId === null ? [] : [n.actorId]), ...(n.data.people ?? [])]));
  const people = await rows<Person>(
    tx,
    sql`SELECT m.id, m.handle, p.name, m.email, m.locale,
               (m.status = 'active' AND m.email_verified_at IS NOT NULL) AS reachable,
               np.email AS prefs, np.unsubscribe_token AS token
          FROM members m JOIN profiles p ON p.member_id = m.id
          LEFT JOIN notification_preferences np ON np.member_id = m.id
         WHERE m.id = ANY(${intArray(ids)}::int[])`,
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const n of notified) {
    const to = byId.get(n.memberId);
    const actor = n.actorId === null ? undefined : byId.get(n.actorId);
    if (!to?.reachable || !wantsEmail(to.prefs, n.kind)) continue;
    to.token ??= await unsubscribeToken(tx, to.id);
    const query = `token=${encodeURIComponent(to.token)}&kind=${n.kind}`;
    const locale = to.locale ?? options.defaultLocale;
    // "Ana, Ben and Cy", in the reader's language (introductions_suggested names them).
    const people = new Intl.ListFormat(locale, { type: 'conjunction' }).format((n.data.people ?? []).flatMap((id) => byId.get(id)?.name ?? []));
    const message = notificationMessage(
      locale,
      n.kind,
      { name: to.name, actor: actor?.name ?? '', people },
      linkFor(options.publicUrl, n, actor),
      `${options.publicUrl}/unsubscribe?${query}`,
    );
    await queueEmail(tx, {
      memberId: to.id,
      to: to.email,
      ...message,
      headers: { 'List-Unsubscribe': `<${options.publicUrl}/api/v1/unsubscribe?${query}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
}

/** The member's unsubscribe token, made on their first notification email (or digest) and kept. */
export async function unsubscribeToken(tx: Tx, memberId: number): Promise<string> {
  const [row] = await rows<{ token: string }>(
    tx,
    sql`INSERT INTO notification_preferences (member_id, unsubscribe_token) VALUES (${memberId}, ${newSecret('un', 24)})
        ON CONFLICT (member_id) DO UPDATE SET unsubscribe_token = COALESCE(notification_preferences.unsubscribe_token, EXCLUDED.unsubscribe_token)
        RETURNING unsubscribe_token AS token`,
  );
  return row!.token;
}
