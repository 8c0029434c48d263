import type { NotificationView } from '../../common/schemas/notifications.ts';
import type { Actor } from '../auth/actor.ts';
import type { HydratedPerson } from '../hydration/people.ts';
import type { NotificationGroup } from '../queries/notifications.ts';
import { presentActionableCard, presentPersonCard } from './person-card.ts';

/**
 * A group as the member sees it. People who are no longer shown (suspended since, or blocked) drop out of
 * `actors`, and out of the people a suggestion names (`suggested`: hydrated with the viewer's relations, so
 * each card says whether Connect is still open); a group whose every actor, or every suggested person,
 * dropped out is not shown at all (`null`).
 */
export function presentNotification(
  actor: Actor,
  group: NotificationGroup,
  people: ReadonlyMap<number, HydratedPerson>,
  suggested: ReadonlyMap<number, HydratedPerson> = new Map(),
): NotificationView | null {
  const actors = group.actorIds.flatMap((id) => {
    const person = people.get(id);
    return person ? [presentPersonCard(actor, person)] : [];
  });
  if (group.actorIds.length > 0 && actors.length === 0) return null;
  const named = group.subject.people ?? [];
  const shown = named.flatMap((id) => {
    const person = suggested.get(id);
    return person ? [presentActionableCard(actor, person)] : [];
  });
  if (named.length > 0 && shown.length === 0) return null;
  return {
    id: group.id,
    kind: group.kind,
    // Only the people still shown: a block since takes its id out too.
    subject: named.length > 0 ? { ...group.subject, people: shown.map((p) => p.id) } : group.subject,
    actors,
    people: shown,
    count: group.count,
    actorCount: group.actorCount,
    createdAt: group.createdAt,
    unread: group.unread,
  };
}
