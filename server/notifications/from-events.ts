/**
 * Which events notify whom, and how they group: one pure function, used both to write the rows in the
 * event's transaction (record.ts) and to tell the member's open pages (live/routing.ts), so the two agree.
 *
 * Silent events stay silent: an invitation that will never be delivered, held, or sent to "Other" tells
 * its recipient nothing here (they find "Other" on My Network), and ignoring or "I don't know this person"
 * tells the sender nothing.
 */
import type { NotificationKind, NotificationSubject } from '../../common/schemas/notifications.ts';
import type { StoredEvent } from '../events/types.ts';

export interface NewNotification {
  memberId: number;
  kind: NotificationKind;
  actorId: number | null;
  /** Notifications sharing a key show as one group. */
  groupKey: string;
  data: NotificationSubject;
}

/** The event kinds that can notify someone. */
export const NOTIFYING_KINDS = ['invitation.sent', 'invitation.answered'] as const;
type NotifyingKind = (typeof NOTIFYING_KINDS)[number];

export function notificationsFor(event: StoredEvent): NewNotification[] {
  if (!(NOTIFYING_KINDS as readonly string[]).includes(event.kind)) return [];
  const e = event as StoredEvent<NotifyingKind>;
  switch (e.kind) {
    case 'invitation.sent': {
      const { invitationId, folder, delivered } = e.data;
      if (!delivered) return [];
      if (folder === 'inbox') {
        return [{ memberId: e.subjectId, kind: 'invitation_received', actorId: e.actorId, groupKey: `invitation:${invitationId}`, data: { invitationId } }];
      }
      if (folder === 'auto') {
        return [
          { memberId: e.subjectId, kind: 'connected_automatically', actorId: e.actorId, groupKey: `invitation:${invitationId}`, data: { invitationId } },
          { memberId: e.actorId, kind: 'invitation_accepted', actorId: e.subjectId, groupKey: `invitation:${invitationId}`, data: { invitationId } },
        ];
      }
      return [];
    }
    case 'invitation.answered':
      // The one who answered is the actor; only an acceptance is news to the other.
      if (e.data.answer !== 'accepted') return [];
      return [
        {
          memberId: e.subjectId,
          kind: 'invitation_accepted',
          actorId: e.actorId,
          groupKey: `invitation:${e.data.invitationId}`,
          data: { invitationId: e.data.invitationId },
        },
      ];
  }
}
