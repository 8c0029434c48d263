import { api } from './client.ts';
import type {
  MemberProfileView,
  OrganisationMember,
  OrganisationSummary,
  OrganisationView,
  Page,
  PersonCardWithConnection,
} from './types.ts';

export interface SearchFilters {
  q: string;
  industry?: string;
  function?: string;
  careerStage?: string;
  organisation?: string;
  /** '1', '2' or '3': only people at that distance from the viewer. */
  degree?: string;
}

/** The member directory's order and filters, as the URL and the API both spell them. */
export interface MemberFilters {
  sort?: 'newest' | 'name';
  /** An organisation id, from the organisation suggestions. */
  organisation?: string;
  location?: string;
  industry?: string;
  /** Page size, 1–50 (default 20). */
  limit?: number;
}

export const directoryApi = {
  member: (handle: string) => api<MemberProfileView>('GET', `/members/${encodeURIComponent(handle)}`),
  search: (filters: SearchFilters, cursor?: string) =>
    api<Page<PersonCardWithConnection>>('GET', '/search/members', { query: { ...filters, cursor } }),
  /** The member directory: everyone the viewer may see, newest first unless sorted by name. */
  members: (filters: MemberFilters, cursor?: string) =>
    api<Page<PersonCardWithConnection>>('GET', '/members', { query: { ...filters, cursor } }),
  suggestOrganisations: (q: string, signal?: AbortSignal) =>
    api<{ items: OrganisationSummary[] }>('GET', '/organisations', { query: { q }, signal }),
  organisation: (slug: string) => api<OrganisationView>('GET', `/organisations/${encodeURIComponent(slug)}`),
  organisationMembers: (slug: string, when: 'current' | 'past', cursor?: string) =>
    api<Page<OrganisationMember>>('GET', `/organisations/${encodeURIComponent(slug)}/members`, { query: { when, cursor } }),
};
