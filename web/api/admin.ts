import type { RestrictionKind } from '../../common/moderation.ts';
import { api } from './client.ts';
import type { AdminOrganisation, OrganisationMergeResult } from '../../common/schemas/organisations.ts';
import type { DeadJob, JobCounts } from '../../common/schemas/jobs.ts';
import type { AdminMember, OutboxEmail, Page } from './types.ts';

/** What retrying or discarding a dead job did. */
export interface JobActionResult {
  id: number;
  status: 'queued' | 'discarded';
}

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
  jobCounts: () => api<JobCounts>('GET', '/admin/jobs'),
  deadJobs: (cursor?: string) => api<Page<DeadJob>>('GET', '/admin/jobs/dead', { query: { cursor } }),
  retryJob: (id: number) => api<JobActionResult>('POST', `/admin/jobs/${id}/retry`, { body: {} }),
  discardJob: (id: number) => api<JobActionResult>('POST', `/admin/jobs/${id}/discard`, { body: {} }),
  /** Runs the weekly digest's schedule now: members away a week with no digest this week get one. */
  runDigest: () => api<{ jobId: number; week: string }>('POST', '/admin/jobs/digest', { body: {} }),
};
