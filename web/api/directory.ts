import { api } from './client.ts';
import type {
  MemberProfileView,
  OrganisationMember,
  OrganisationSummary,
  OrganisationView,
  Page,
  PersonCard,
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

export const directoryApi = {
  member: (handle: string) => api<MemberProfileView>('GET', `/members/${encodeURIComponent(handle)}`),
  search: (filters: SearchFilters, cursor?: string) =>
    api<Page<PersonCard>>('GET', '/search/members', { query: { ...filters, cursor } }),
  suggestOrganisations: (q: string, signal?: AbortSignal) =>
    api<{ items: OrganisationSummary[] }>('GET', '/organisations', { query: { q }, signal }),
  organisation: (slug: string) => api<OrganisationView>('GET', `/organisations/${encodeURIComponent(slug)}`),
  organisationMembers: (slug: string, when: 'current' | 'past', cursor?: string) =>
    api<Page<OrganisationMember>>('GET', `/organisations/${encodeURIComponent(slug)}/members`, { query: { when, cursor } }),
};
