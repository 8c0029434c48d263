import type { NotificationView } from '../../common/schemas/notifications.ts';
import type { Actor } from '../auth/actor.ts';
import type { HydratedPerson } from '../hydration/people.ts';
import type { NotificationGroup } from '../queries/notifications.ts';
import { presentPersonCard } from './person-card.ts';

/**
 * A group as the member sees it. People who are no longer shown (suspended since, or blocked) drop out of
 * `actors`; a group whose every actor dropped out is not shown at all (`null`).
 */
export function presentNotification(actor: Actor, group: NotificationGroup, people: ReadonlyMap<number, HydratedPerson>): NotificationView | null {
  const actors = group.actorIds.flatMap((id) => {
    const person = people.get(id);
    return person ? [presentPersonCard(actor, person)] : [];
  });
  if (group.actorIds.length > 0 && actors.length === 0) return null;
  return {
    id: group.id,
    kind: group.kind,
    subject: group.subject,
    actors,
    count: group.count,
    actorCount: group.actorCount,
    createdAt: group.createdAt,
    unread: group.unread,
  };
}
