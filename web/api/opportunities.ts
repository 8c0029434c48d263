import type { z } from 'zod';
import type { opportunityCreate, OpportunityReportView, OpportunityView, RelationshipOriginView } from '../../common/schemas/opportunities.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { OpportunityReportView, OpportunityView, RelationshipOriginView };
export type OpportunityDraft = z.input<typeof opportunityCreate>;

/** My opportunity log and its report (issue 15): private, answered to me alone. */
export const opportunitiesApi = {
  page: (cursor?: string) => api<Page<OpportunityView>>('GET', '/opportunities', { query: { cursor } }),
  report: () => api<OpportunityReportView>('GET', '/opportunities/report'),
  log: (draft: OpportunityDraft) => api<OpportunityView>('POST', '/opportunities', { body: draft }),
  remove: (id: number) => api<null>('DELETE', `/opportunities/${id}`),
};
