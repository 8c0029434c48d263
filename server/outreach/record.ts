/**
 * Writes the outreach an event is (docs/outreach.md), in the event's own transaction like the interactions
 * ledger (events/record.ts calls it), so it exists exactly when its change committed and no command writes
 * outreach itself. What counts, whichever screen it was sent from:
 * - an invitation that carried a note (a personal note is what the composer pushes for; an empty invitation
 *   is a click, not outreach), delivered or not, so the count never tells the sender where it landed;
 * - a message to a person the sender had not messaged for MESSAGE_QUIET_WEEKS weeks (each such person of the
 *   conversation counts once), since keeping up a running conversation is not reaching out;
 * - an introduction request (to its target).
 * Idempotent: the rows' key is the event's own reference.
 */
import { sql } from 'drizzle-orm';
import { MESSAGE_QUIET_WEEKS, type OutreachKind } from '../../common/outreach.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import type { StoredEvent } from '../events/types.ts';

export const OUTREACH_EVENT_KINDS = ['invitation.sent', 'message.sent', 'introduction.requested'] as const;
export type OutreachEventKind = (typeof OUTREACH_EVENT_KINDS)[number];

interface Act {
  otherId: number;
  kind: OutreachKind;
  refId: number;
}

async function actsOf(db: DbOrTx, event: StoredEvent<OutreachEventKind>): Promise<Act[]> {
  switch (event.kind) {
    case 'invitation.sent': {
      const { invitationId } = (event as StoredEvent<'invitation.sent'>).data;
      const [found] = await rows<{ hasNote: boolean }>(db, sql`SELECT btrim(note) <> '' AS "hasNote" FROM invitations WHERE id = ${invitationId}`);
      return found?.hasNote ? [{ otherId: event.subjectId!, kind: 'invitation', refId: invitationId }] : [];
    }
    case 'introduction.requested': {
      const { introductionId } = (event as StoredEvent<'introduction.requested'>).data;
      return [{ otherId: event.subjectId!, kind: 'introduction', refId: introductionId }];
    }
    case 'message.sent': {
      const { messageId, others, delivered } = (event as StoredEvent<'message.sent'>).data;
      const to = others ?? delivered.map((d) => d.memberId);
      if (to.length === 0) return [];
      // The interactions ledger is written just before, in the same transaction, so it holds this message:
      // anything else sent to them within the quiet spell before it means the conversation was running.
      const since = new Date(event.createdAt.getTime() - MESSAGE_QUIET_WEEKS * 7 * 86_400_000);
      const recent = await rows<{ otherId: number }>(
        db,
        sql`SELECT DISTINCT other_id AS "otherId" FROM interactions
             WHERE member_id = ${event.actorId} AND kind = 'message_sent' AND other_id = ANY(${`{${to.map(Number).join(',')}}`}::int[])
               AND at >= ${since} AND at <= ${event.createdAt} AND ref_id IS DISTINCT FROM ${messageId}`,
      );
      const running = new Set(recent.map((r) => r.otherId));
      return to.filter((id) => !running.has(id)).map((otherId) => ({ otherId, kind: 'message' as const, refId: messageId }));
    }
  }
  return [];
}

export async function recordOutreach(db: DbOrTx, stored: StoredEvent): Promise<void> {
  if (!(OUTREACH_EVENT_KINDS as readonly string[]).includes(stored.kind)) return;
  const event = stored as StoredEvent<OutreachEventKind>;
  const acts = (await actsOf(db, event)).filter((a) => a.otherId !== event.actorId);
  for (const a of acts) {
    await db.execute(
      sql`INSERT INTO outreach_acts (member_id, other_id, kind, ref_id, at)
          SELECT ${event.actorId}, ${a.otherId}, ${a.kind}, ${a.refId}, ${event.createdAt}
           WHERE EXISTS (SELECT 1 FROM members WHERE id = ${a.otherId}) AND EXISTS (SELECT 1 FROM members WHERE id = ${event.actorId})
          ON CONFLICT DO NOTHING`,
    );
  }
}
