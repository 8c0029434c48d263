import type { RestrictionKind } from '../../common/moderation.ts';
import { api } from './client.ts';
import type { AdminOrganisation, OrganisationMergeResult } from '../../common/schemas/organisations.ts';
import type { AdminMember, OutboxEmail, Page } from './types.ts';

const member = (handle: string) => `/admin/members/${encodeURIComponent(handle)}`;

export const adminApi = {
  members: (q: string, cursor?: string) => api<Page<AdminMember>>('GET', '/admin/members', { query: { q, cursor } }),
  suspend: (handle: string, reason: string) => api<{ handle: string; status: string }>('POST', `${member(handle)}/suspend`, { body: { reason } }),
  reinstate: (handle: string) => api<{ handle: string; status: string }>('POST', `${member(handle)}/reinstate`, { body: {} }),
  /** Make a member an operator ('promote') or an operator a member again ('demote'). */
  setRole: (handle: string, change: 'promote' | 'demote', reason: string) =>
    api<{ handle: string; role: 'member' | 'admin' }>('POST', `${member(handle)}/${change}`, { body: { reason } }),
  liftRestrictions: (handle: string, reason: string) =>
    api<{ handle: string; lifted: RestrictionKind[] }>('POST', `${member(handle)}/restrictions/lift`, { body: { reason } }),
  outbox: (cursor?: string) => api<Page<OutboxEmail>>('GET', '/admin/outbox', { query: { cursor } }),
  organisations: (q: string, cursor?: string) => api<Page<AdminOrganisation>>('GET', '/admin/organisations', { query: { q, cursor } }),
  mergeOrganisation: (id: number, into: number) =>
    api<OrganisationMergeResult>('POST', `/admin/organisations/${id}/merge`, { body: { into } }),
};
