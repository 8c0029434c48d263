/**
 * Which members' open pages learn of an event, and what they are told: a type and ids, never text, so a
 * page reloads what it shows through the API and its privacy rules. Silent events stay silent: an
 * invitation that went to "Other", was held, or will never be delivered tells its recipient nothing, and a
 * block, "I don't know this person" or a report never reaches the member they concern.
 */
import type { StoredEvent } from '../events/types.ts';
import type { LiveMessage } from './streams.ts';

/** The kinds that can reach someone live. */
export const LIVE_KINDS = ['invitation.sent', 'invitation.answered', 'connection.made'] as const;
type LiveKind = (typeof LIVE_KINDS)[number];

export interface Addressed {
  memberId: number;
  message: LiveMessage;
}

export function liveMessagesFor(event: StoredEvent): Addressed[] {
  if (!(LIVE_KINDS as readonly string[]).includes(event.kind)) return [];
  const e = event as StoredEvent<LiveKind>;
  switch (e.kind) {
    case 'invitation.sent': {
      const { invitationId, folder, delivered } = e.data;
      // Only an invitation that shows in the recipient's inbox is news to them; the sender's other tabs update too.
      const toSender = { memberId: e.actorId, message: { id: e.id, type: 'invitation' as const, data: { invitationId } } };
      return delivered && folder === 'inbox'
        ? [toSender, { memberId: e.subjectId, message: { id: e.id, type: 'invitation', data: { invitationId } } }]
        : [toSender];
    }
    case 'invitation.answered':
      // Ignoring, "I don't know" and its undoing are silent to the other member: only the one who answered hears.
      return [{ memberId: e.actorId, message: { id: e.id, type: 'invitation', data: { invitationId: e.data.invitationId } } }];
    case 'connection.made':
      return [e.actorId, e.subjectId].map((memberId) => ({ memberId, message: { id: e.id, type: 'network' as const, data: {} } }));
  }
}
