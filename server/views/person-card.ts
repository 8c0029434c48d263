import type { PersonCard, PersonCardWithConnection } from '../../common/schemas/search.ts';
import type { Actor } from '../auth/actor.ts';
import type { HydratedPerson } from '../hydration/people.ts';
import { canSeeFullProfile, personAbilities } from '../policies/people.ts';
import { photoUrl } from './profile.ts';

/** A person card: who they are, the viewer's degree and mutual count; the location only with the full profile. */
export function presentPersonCard(actor: Actor, p: HydratedPerson): PersonCard {
  const { record } = p;
  return {
    id: record.id,
    handle: record.handle,
    name: record.name,
    headline: record.headline,
    location: canSeeFullProfile(actor, p.facts) && record.location ? record.location : null,
    photoUrl: photoUrl(record),
    degree: p.degree,
    mutualCount: p.mutualCount,
  };
}

/** A card for lists the viewer acts from: with their connection state and what they may do (hydrated with relations). */
export function presentActionableCard(actor: Actor, p: HydratedPerson): PersonCardWithConnection {
  return {
    ...presentPersonCard(actor, p),
    connection: p.relation.connection,
    invitationId: p.relation.invitationId,
    abilities: personAbilities(actor, p.facts),
  };
}

/** A person card in a list that says something of its own about each person (connected at, followed at, role). */
export function presentListedCard<E extends object>(actor: Actor, listed: { person: HydratedPerson; extra: E }): PersonCard & E {
  return { ...presentPersonCard(actor, listed.person), ...listed.extra };
}
