import type { NotificationView } from '../../common/schemas/notifications.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { NotificationView };

export const notificationsApi = {
  list: (cursor?: string) => api<Page<NotificationView>>('GET', '/notifications', { query: { cursor } }),
  unread: () => api<{ count: number }>('GET', '/notifications/unread'),
  /** Marks read up to and including this id: what the member has seen, not what arrived since. */
  markRead: (upTo: number) => api<null>('POST', '/notifications/read', { body: { upTo } }),
};
