import { sql } from 'drizzle-orm';
import type { EmailKind } from '../../common/schemas/notifications.ts';
import { type Db, rows } from '../db/connection.ts';

/** Saves a member's email choices for the kinds given; the others keep theirs. */
export async function saveEmailChoices(db: Db, memberId: number, choices: Partial<Record<EmailKind, boolean>>): Promise<void> {
  await db.execute(
    sql`INSERT INTO notification_preferences (member_id, email) VALUES (${memberId}, ${JSON.stringify(choices)}::jsonb)
        ON CONFLICT (member_id) DO UPDATE SET email = notification_preferences.email || EXCLUDED.email, updated_at = now()`,
  );
}

/**
 * One-click unsubscribe (RFC 8058): the token of a member's emails turns one kind off, without signing in.
 * Answers whether the token was known; an unknown one changes nothing.
 */
export async function unsubscribeByToken(db: Db, token: string, kind: EmailKind): Promise<boolean> {
  const changed = await rows<{ member_id: number }>(
    db,
    sql`UPDATE notification_preferences SET email = email || jsonb_build_object(${kind}::text, false), updated_at = now()
         WHERE unsubscribe_token = ${token} RETURNING member_id`,
  );
  return changed.length > 0;
}
