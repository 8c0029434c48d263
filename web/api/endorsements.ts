import type { EndorsementState, RecommendationItem } from '../../common/schemas/endorsements.ts';
import { api } from './client.ts';
import type { Page, PersonCard } from './types.ts';

export type { EndorsementState, RecommendationItem, ShownRecommendationView, SkillEndorsementView } from '../../common/schemas/endorsements.ts';
export type RecommendationBox = 'received' | 'written' | 'requests';
export type RecommendationAction = 'approve' | 'decline' | 'hide' | 'show';

const skill = (handle: string, name: string) => `/members/${encodeURIComponent(handle)}/skills/${encodeURIComponent(name)}`;

export const endorsementsApi = {
  endorse: (handle: string, name: string) => api<EndorsementState>('PUT', `${skill(handle, name)}/endorsement`),
  unendorse: (handle: string, name: string) => api<EndorsementState>('DELETE', `${skill(handle, name)}/endorsement`),
  endorsers: (handle: string, name: string, cursor?: string) => api<Page<PersonCard>>('GET', `${skill(handle, name)}/endorsers`, { query: { cursor } }),

  askForRecommendation: (handle: string, positionId: number, message: string) =>
    api<{ id: number }>('POST', `/members/${encodeURIComponent(handle)}/recommendation-requests`, { body: { positionId, message } }),
  writeRecommendation: (handle: string, positionId: number, text: string, requestId?: number) =>
    api<{ id: number }>('POST', `/members/${encodeURIComponent(handle)}/recommendations`, { body: { positionId, text, ...(requestId ? { requestId } : {}) } }),
  box: (box: RecommendationBox, cursor?: string) => api<Page<RecommendationItem>>('GET', '/recommendations', { query: { box, cursor } }),
  decide: (id: number, action: RecommendationAction) => api<{ id: number; status: string }>('POST', `/recommendations/${id}/${action}`, { body: {} }),
};
