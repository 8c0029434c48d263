import type { z } from 'zod';
import type { AllowanceView, ReportCreate, ScreeningPolicy, reportCreated } from '../../common/schemas/screening.ts';
import { api } from './client.ts';
import type { InvitationView } from './types.ts';

export type { AllowanceView, InvitationEvidence, RuleCondition, ScreeningPolicy, ScreeningRule, ThreadMessage } from '../../common/schemas/screening.ts';

/**
 * The few limits the forms show, copied from common/schemas/screening.ts (SCREENING_LIMITS) so the
 * browser bundle does not pull in zod for three numbers; the server validates either way.
 */
export const SCREENING_FORM_LIMITS = { rulesMax: 20, messageMax: 500, reportDetailsMax: 1000 } as const;

/** The policy as the server returns it: each rule also described in words ("Rule 1: a note → Inbox"). */
export type ScreeningPolicyView = ScreeningPolicy & { described: string[] };
export type ReportReason = ReportCreate['reason'];
export type ReportCreated = z.infer<typeof reportCreated>;
export type InvitationFolder = 'inbox' | 'other';

export const screeningApi = {
  policy: () => api<ScreeningPolicyView>('GET', '/me/screening'),
  savePolicy: (policy: ScreeningPolicy) => api<ScreeningPolicyView>('PUT', '/me/screening', { body: policy }),
  allowance: () => api<AllowanceView>('GET', '/me/allowance'),
  folders: () => api<Record<InvitationFolder, number>>('GET', '/invitations/folders'),
  /** One invitation the viewer sent or received, with its "ask for context" thread. */
  invitation: (id: number) => api<{ invitation: InvitationView }>('GET', `/invitations/${id}`),
  postMessage: (id: number, body: string) => api<{ invitation: InvitationView }>('POST', `/invitations/${id}/messages`, { body: { body } }),
  /** About the member, or one invitation, post, comment or message of theirs (at most one of the ids). */
  report: (report: { member: string; invitationId?: number; postId?: number; commentId?: number; messageId?: number; reason: ReportReason; details: string }) =>
    api<ReportCreated>('POST', '/reports', { body: report }),
};
