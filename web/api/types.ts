import type { z } from 'zod';
import type { adminMember, outboxEmail } from '../../common/schemas/admin.ts';
import type { accessTokenView, tokenCreated } from '../../common/schemas/auth.ts';
import type { organisationMember, organisationSummary, organisationView } from '../../common/schemas/organisations.ts';
import type { profilePatch } from '../../common/schemas/profile.ts';

export type { MeView, MemberProfileView, ProfileStrength } from '../../common/schemas/profile.ts';
export type { PersonCard } from '../../common/schemas/search.ts';
export type { AccessTokenView } from '../../common/schemas/auth.ts';

/** What the client sends: the schema's input side (defaults may be omitted). */
export type ProfilePatchInput = z.input<typeof profilePatch>;
export type TokenCreated = z.infer<typeof tokenCreated>;
export type AccessToken = z.infer<typeof accessTokenView>;
export type OrganisationSummary = z.infer<typeof organisationSummary>;
export type OrganisationView = z.infer<typeof organisationView>;
export type OrganisationMember = z.infer<typeof organisationMember>;
export type AdminMember = z.infer<typeof adminMember>;
export type OutboxEmail = z.infer<typeof outboxEmail>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SessionStarted {
  id: number;
  handle: string;
  csrfToken: string;
}
