import type { AdmireEntry, AdmireUpdate } from '../../common/schemas/admire.ts';
import { api } from './client.ts';

export type { AdmireEntry, AdmireUpdate };

/** The admire list (server/routes/admire): private to the member. */
export const admireApi = {
  list: () => api<{ items: AdmireEntry[] }>('GET', '/admire'),
  add: (target: { member: string } | { organisation: string }, note: string) =>
    api<{ entry: AdmireEntry }>('POST', '/admire', { body: { ...target, ...(note ? { note } : {}) } }),
  update: (id: number, change: AdmireUpdate) => api<{ entry: AdmireEntry }>('PATCH', `/admire/${id}`, { body: change }),
  remove: (id: number) => api<null>('DELETE', `/admire/${id}`),
};
