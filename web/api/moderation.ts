import type { z } from 'zod';
import type {
  auditPage,
  moderationActionResult,
  moderationPage,
  noticesPage,
} from '../../common/schemas/screening.ts';
import { api } from './client.ts';

export type { AuditEntry, ModerationItem, ModerationMember, NoticeView } from '../../common/schemas/screening.ts';
export type ModerationPage = z.infer<typeof moderationPage>;
export type ModerationActionResult = z.infer<typeof moderationActionResult>;
export type AuditPage = z.infer<typeof auditPage>;
export type NoticesPage = z.infer<typeof noticesPage>;
export type ModerationActionName = 'dismiss' | 'warn' | 'restrict' | 'suspend';

/** Query keys for moderation, under 'admin' so an admin-wide invalidation reaches them too. */
export const moderationKeys = {
  queue: ['admin', 'moderation'] as const,
  audit: ['admin', 'audit'] as const,
  notices: ['me', 'notices'] as const,
};

export const moderationApi = {
  queue: (cursor?: string) => api<ModerationPage>('GET', '/admin/moderation', { query: { cursor } }),
  act: (type: 'flag' | 'report', id: number, action: ModerationActionName, reason: string) =>
    api<ModerationActionResult>('POST', `/admin/moderation/${type}s/${id}/${action}`, { body: { reason } }),
  audit: (cursor?: string) => api<AuditPage>('GET', '/admin/audit', { query: { cursor } }),
};

export const noticesApi = {
  list: () => api<NoticesPage>('GET', '/me/notices'),
  markRead: (id: number) => api<unknown>('POST', `/me/notices/${id}/read`),
};
