import type { CommunityAnalytics, CommunityCohort, CommunityGrowthDay, CommunityNewcomer, SuggestionsResult } from '../../common/schemas/community.ts';
import { api } from './client.ts';

export type { CommunityAnalytics, CommunityCohort, CommunityGrowthDay, CommunityNewcomer, SuggestionsResult };

/** The operator's community analytics (issue 15, Admin → Community). */
export const communityApi = {
  get: (range: { from?: string; to?: string }) => api<CommunityAnalytics>('GET', '/admin/community', { query: range }),
  /** A welcome post by the operator mentioning the newcomer (the server adds the mention if the text drops it). */
  welcome: (handle: string, text: string) =>
    api<{ postId: number; text: string }>('POST', `/admin/community/newcomers/${encodeURIComponent(handle)}/welcome`, { body: { text } }),
  /** Up to 3 people for the newcomer to meet, picked by the server; the newcomer gets one notification naming them. */
  suggest: (handle: string) => api<SuggestionsResult>('POST', `/admin/community/newcomers/${encodeURIComponent(handle)}/suggestions`, { body: {} }),
};

export const communityKeys = {
  analytics: (from: string) => ['admin', 'community', from] as const,
};
