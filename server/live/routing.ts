/**
 * Which members' open pages learn of an event, and what they are told: a type and ids, never text, so a
 * page reloads what it shows through the API and its privacy rules. The member who acted is not told: the
 * page they acted from shows the outcome itself (reloading under it would undo what it keeps in place, such
 * as an answered invitation's status line), and their other tabs catch up when focused. Silent events stay silent: an
 * invitation that went to "Other", was held, or will never be delivered tells its recipient nothing, and a
 * block, "I don't know this person" or a report never reaches the member they concern.
 */
import type { StoredEvent } from '../events/types.ts';
import { NOTIFYING_KINDS, notificationsFor } from '../notifications/from-events.ts';
import type { LiveMessage } from './streams.ts';

const CHANGE_KINDS = ['invitation.sent', 'invitation.answered', 'connection.made', 'message.sent'] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * The kinds that can reach someone live: the changes below, whatever notifies someone, and a new post
 * (its feed's readers: feed-audience.ts, which needs the graph index, so the processor routes it).
 */
export const LIVE_KINDS = [...new Set([...CHANGE_KINDS, ...NOTIFYING_KINDS, 'post.created' as const])];

export interface Addressed {
  memberId: number;
  message: LiveMessage;
}

export function liveMessagesFor(event: StoredEvent): Addressed[] {
  // The bell of each member notified: the same function wrote their notification rows in the event's transaction.
  const told = [...new Set(notificationsFor(event).map((n) => n.memberId))].map((memberId) => ({
    memberId,
    message: { id: event.id, type: 'notification' as const, data: {} },
  }));
  return [...told, ...changesFor(event)];
}

function changesFor(event: StoredEvent): Addressed[] {
  if (!(CHANGE_KINDS as readonly string[]).includes(event.kind)) return [];
  const e = event as StoredEvent<ChangeKind>;
  switch (e.kind) {
    case 'invitation.sent': {
      const { invitationId, folder, delivered } = e.data;
      // Only an invitation that shows in the recipient's inbox is news to them.
      return delivered && folder === 'inbox' ? [{ memberId: e.subjectId, message: { id: e.id, type: 'invitation', data: { invitationId } } }] : [];
    }
    case 'invitation.answered':
      // Ignoring, "I don't know" and its undoing are silent to the other member; an acceptance reaches them
      // as connection.made.
      return [];
    case 'connection.made':
      return [{ memberId: e.subjectId, message: { id: e.id, type: 'network', data: {} } }];
    case 'message.sent':
      // Only those it was delivered to (inbox or Requests); where it landed is theirs to know, never the sender's.
      return e.data.delivered
        .filter((d) => d.memberId !== e.actorId)
        .map((d) => ({ memberId: d.memberId, message: { id: e.id, type: 'message' as const, data: { conversationId: e.data.conversationId, messageId: e.data.messageId } } }));
  }
}
