import type { SearchFilters } from './directory.ts';

/** Query keys in one place so invalidation matches what pages read. */
export const keys = {
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
  member: (handle: string) => ['member', handle] as const,
  search: (filters: SearchFilters) => ['search', filters] as const,
  organisation: (slug: string) => ['organisation', slug] as const,
  organisationMembers: (slug: string, when: string) => ['organisation', slug, 'members', when] as const,
  organisationSuggest: (q: string) => ['organisation-suggest', q] as const,
  adminMembers: (q: string) => ['admin', 'members', q] as const,
  outbox: ['admin', 'outbox'] as const,
};
