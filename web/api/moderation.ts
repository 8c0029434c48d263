import type { z } from 'zod';
import type {
  auditPage,
  contentRemoved,
  moderationActionResult,
  moderationPage,
  noticesPage,
} from '../../common/schemas/screening.ts';
import type { AuditAction, AuditArea, ContentKind } from '../../common/moderation.ts';
import { api } from './client.ts';

export type { AuditEntry, ModerationItem, ModerationMember, NoticeView } from '../../common/schemas/screening.ts';
export type { RestrictionView } from '../../common/schemas/admin.ts';
export { AUDIT_ACTIONS, AUDIT_AREAS, type AuditAction, type AuditArea, type ContentKind, RESTRICTION_DAYS_MAX } from '../../common/moderation.ts';
export type ContentRemoved = z.infer<typeof contentRemoved>;
export type ModerationPage = z.infer<typeof moderationPage>;
export type ModerationActionResult = z.infer<typeof moderationActionResult>;
export type AuditPage = z.infer<typeof auditPage>;
export type NoticesPage = z.infer<typeof noticesPage>;
export type ModerationActionName = 'dismiss' | 'warn' | 'restrict' | 'suspend';

/** Query keys for moderation, under 'admin' so an admin-wide invalidation reaches them too. */
export const moderationKeys = {
  queue: ['admin', 'moderation'] as const,
  audit: ['admin', 'audit'] as const,
  auditFiltered: (action: AuditAction | AuditArea | null) => ['admin', 'audit', action ?? 'all'] as const,
  notices: ['me', 'notices'] as const,
};

export const moderationApi = {
  queue: (cursor?: string) => api<ModerationPage>('GET', '/admin/moderation', { query: { cursor } }),
  /** `days` only for restrict: how long it lasts; without it, until an operator lifts it. */
  act: (type: 'flag' | 'report', id: number, action: ModerationActionName, reason: string, days?: number) =>
    api<ModerationActionResult>('POST', `/admin/moderation/${type}s/${id}/${action}`, { body: { reason, ...(days ? { days } : {}) } }),
  /** Removes a post, comment or message; its author reads the reason. */
  removeContent: (kind: ContentKind, id: number, reason: string) => api<ContentRemoved>('POST', '/admin/content/remove', { body: { kind, id, reason } }),
  audit: (cursor?: string, action?: AuditAction | AuditArea | null) => api<AuditPage>('GET', '/admin/audit', { query: { cursor, action } }),
};

export const noticesApi = {
  list: () => api<NoticesPage>('GET', '/me/notices'),
  markRead: (id: number) => api<unknown>('POST', `/me/notices/${id}/read`),
};
