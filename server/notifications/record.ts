/**
 * Writes the notifications an event causes, in the event's own transaction (called by recordEvent): they
 * commit with the change or not at all, once per event, whichever process made it. No statement is sent
 * for the many events that notify nobody. The emails of those who want them are queued here too (email.ts).
 */
import type { Tx } from '../db/connection.ts';
import { notifications } from '../db/tables/notifications.ts';
import type { StoredEvent } from '../events/types.ts';
import { queueNotificationEmails } from './email.ts';
import { notificationsFor } from './from-events.ts';

export async function recordNotifications(tx: Tx, event: StoredEvent): Promise<void> {
  const rows = notificationsFor(event);
  if (rows.length === 0) return;
  await tx
    .insert(notifications)
    .values(rows.map((n) => ({ ...n, eventId: event.id })))
    .onConflictDoNothing();
  await queueNotificationEmails(tx, rows);
}
