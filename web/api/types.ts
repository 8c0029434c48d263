import type { z } from 'zod';
import type { adminMember, outboxEmail } from '../../common/schemas/admin.ts';
import type { accessTokenView, tokenCreated } from '../../common/schemas/auth.ts';
import type { organisationMember, organisationSummary, organisationView } from '../../common/schemas/organisations.ts';
import type {
  blockedCard,
  connectionCard,
  followCard,
  invitationContext,
  invitationSendResult,
  invitationView,
  mutualsView,
  pathsView,
  suggestionView,
} from '../../common/schemas/network.ts';
import type { profilePatch } from '../../common/schemas/profile.ts';

export type { MeView, MemberProfileView, ProfileStrength } from '../../common/schemas/profile.ts';
export type { ConnectionState, PersonCard, PersonCardWithConnection } from '../../common/schemas/search.ts';
export type { AccessTokenView } from '../../common/schemas/auth.ts';
export type { RelationshipState } from '../../common/schemas/network.ts';
export type { PersonAbilities } from '../../common/schemas/abilities.ts';

/** What the client sends: the schema's input side (defaults may be omitted). */
export type ProfilePatchInput = z.input<typeof profilePatch>;
export type TokenCreated = z.infer<typeof tokenCreated>;
export type AccessToken = z.infer<typeof accessTokenView>;
export type OrganisationSummary = z.infer<typeof organisationSummary>;
export type OrganisationView = z.infer<typeof organisationView>;
export type OrganisationMember = z.infer<typeof organisationMember>;
export type AdminMember = z.infer<typeof adminMember>;
export type OutboxEmail = z.infer<typeof outboxEmail>;
export type InvitationView = z.infer<typeof invitationView>;
export type InvitationContext = z.infer<typeof invitationContext>;
export type InvitationSendResult = z.infer<typeof invitationSendResult>;
export type ConnectionCard = z.infer<typeof connectionCard>;
export type FollowCard = z.infer<typeof followCard>;
export type BlockedCard = z.infer<typeof blockedCard>;
export type MutualsView = z.infer<typeof mutualsView>;
export type PathsView = z.infer<typeof pathsView>;
export type SuggestionView = z.infer<typeof suggestionView>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SessionStarted {
  id: number;
  handle: string;
  csrfToken: string;
}
