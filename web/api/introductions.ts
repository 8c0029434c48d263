import type { z } from 'zod';
import type { IntroductionBox, IntroductionView, introductionCreated } from '../../common/schemas/introductions.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { IntroductionBox, IntroductionView };
export type IntroductionStep = 'forward' | 'decline' | 'accept' | 'leave';

/** Double opt-in introductions (server/routes/introductions). */
export const introductionsApi = {
  ask: (target: string, via: string[], blurb: string) => api<z.infer<typeof introductionCreated>>('POST', '/introductions', { body: { target, via, blurb } }),
  list: (box: IntroductionBox, cursor?: string) => api<Page<IntroductionView>>('GET', '/introductions', { query: { box, cursor } }),
  forward: (id: number, note: string) => api<{ introduction: IntroductionView }>('POST', `/introductions/${id}/forward`, { body: note ? { note } : {} }),
  decline: (id: number, reason: string, dontKnow: boolean) =>
    api<{ introduction: IntroductionView }>('POST', `/introductions/${id}/decline`, { body: { ...(reason ? { reason } : {}), ...(dontKnow ? { dontKnow } : {}) } }),
  accept: (id: number) => api<{ introduction: IntroductionView }>('POST', `/introductions/${id}/accept`, { body: {} }),
  leave: (id: number) => api<{ introduction: IntroductionView }>('POST', `/introductions/${id}/leave`, { body: {} }),
};
