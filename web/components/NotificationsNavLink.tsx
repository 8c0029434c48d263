import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { keys } from '../api/keys.ts';
import { notificationsApi } from '../api/notifications.ts';
import { CountedNavLink } from './CountedNavLink.tsx';

/** The header's bell: the notifications page, with how many groups are unread (kept current by live updates). */
export function NotificationsNavLink() {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: keys.notificationsUnread, queryFn: notificationsApi.unread });
  const count = data?.count ?? 0;
  const name = t('nav.notifications');
  return (
    <CountedNavLink
      to="/notifications"
      name={name}
      label={count > 0 ? `${name}, ${t('nav.unreadNotifications', { count })}` : name}
      count={count}
      current={pathname === '/notifications'}
      icon={<IconBell size={20} aria-hidden />}
    />
  );
}
