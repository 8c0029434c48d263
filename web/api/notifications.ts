import type { EmailKind, NotificationKind, NotificationSettings, NotificationView } from '../../common/schemas/notifications.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { EmailKind, NotificationKind, NotificationSettings, NotificationView };

export const notificationsApi = {
  list: (cursor?: string) => api<Page<NotificationView>>('GET', '/notifications', { query: { cursor } }),
  unread: () => api<{ count: number }>('GET', '/notifications/unread'),
  /** Marks read up to and including this id: what the member has seen, not what arrived since. */
  markRead: (upTo: number) => api<null>('POST', '/notifications/read', { body: { upTo } }),
  settings: () => api<NotificationSettings>('GET', '/me/notification-settings'),
  saveEmail: (email: Partial<Record<EmailKind, boolean>>) => api<NotificationSettings>('PUT', '/me/notification-settings', { body: { email } }),
  /** What an emailed unsubscribe link would stop; looking changes nothing. */
  subscription: (token: string, kind: string) => api<{ kind: EmailKind; subscribed: boolean }>('GET', '/unsubscribe', { query: { token, kind } }),
  unsubscribe: (token: string, kind: string) => api<{ kind: EmailKind; subscribed: boolean }>('POST', '/unsubscribe', { query: { token, kind }, body: {} }),
};
