import type { CommunityAnalytics, CommunityCohort, CommunityGrowthDay, CommunityNewcomer } from '../../common/schemas/community.ts';
import { api } from './client.ts';

export type { CommunityAnalytics, CommunityCohort, CommunityGrowthDay, CommunityNewcomer };

/** The operator's community analytics (issue 15, Admin → Community). */
export const communityApi = {
  get: (range: { from?: string; to?: string }) => api<CommunityAnalytics>('GET', '/admin/community', { query: range }),
};

export const communityKeys = {
  analytics: (from: string) => ['admin', 'community', from] as const,
};
