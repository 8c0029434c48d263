import type { CommunityAnalytics, CommunityCohort, CommunityGrowthDay, CommunityNewcomer } from '../../common/schemas/community.ts';
import { api } from './client.ts';

export type { CommunityAnalytics, CommunityCohort, CommunityGrowthDay, CommunityNewcomer };

/** The operator's community analytics (issue 15, Admin → Community). */
export const communityApi = {
  get: (range: { from?: string; to?: string }) => api<CommunityAnalytics>('GET', '/admin/community', { query: range }),
  /** A welcome post by the operator mentioning the newcomer (the server adds the mention if the text drops it). */
  welcome: (handle: string, text: string) =>
    api<{ postId: number; text: string }>('POST', `/admin/community/newcomers/${encodeURIComponent(handle)}/welcome`, { body: { text } }),
};

export const communityKeys = {
  analytics: (from: string) => ['admin', 'community', from] as const,
};
