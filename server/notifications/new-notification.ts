import type { NotificationKind, NotificationSubject } from '../../common/schemas/notifications.ts';

/** A notification to write: for whom, of what kind, by whom, and the ids it points at. */
export interface NewNotification {
  memberId: number;
  kind: NotificationKind;
  actorId: number | null;
  /** Notifications sharing a key show as one group. */
  groupKey: string;
  data: NotificationSubject;
}
