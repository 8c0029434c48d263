import type { CommunityStructureView } from '../../common/schemas/community-structure.ts';
import { api } from './client.ts';

export type { CommunityStructureView };

/** Admin → Community: the community's clusters, bridges and density over time (operators only). */
export const communityStructureApi = {
  get: () => api<CommunityStructureView>('GET', '/admin/community/structure'),
};

export const communityStructureKeys = { structure: ['admin', 'community', 'structure'] as const };
