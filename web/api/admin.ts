import { api } from './client.ts';
import type { AdminOrganisation, OrganisationMergeResult } from '../../common/schemas/organisations.ts';
import type { AdminMember, OutboxEmail, Page } from './types.ts';

export const adminApi = {
  members: (q: string, cursor?: string) => api<Page<AdminMember>>('GET', '/admin/members', { query: { q, cursor } }),
  suspend: (handle: string, reason: string) =>
    api<{ handle: string; status: string }>('POST', `/admin/members/${encodeURIComponent(handle)}/suspend`, { body: { reason } }),
  reinstate: (handle: string) =>
    api<{ handle: string; status: string }>('POST', `/admin/members/${encodeURIComponent(handle)}/reinstate`, { body: {} }),
  outbox: (cursor?: string) => api<Page<OutboxEmail>>('GET', '/admin/outbox', { query: { cursor } }),
  organisations: (q: string, cursor?: string) => api<Page<AdminOrganisation>>('GET', '/admin/organisations', { query: { q, cursor } }),
  mergeOrganisation: (id: number, into: number) =>
    api<OrganisationMergeResult>('POST', `/admin/organisations/${id}/merge`, { body: { into } }),
};
