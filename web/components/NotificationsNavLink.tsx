import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { keys } from '../api/keys.ts';
import { notificationsApi } from '../api/notifications.ts';

/** The header's bell: the notifications page, with how many groups are unread (kept current by live updates). */
export function NotificationsNavLink() {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: keys.notificationsUnread, queryFn: notificationsApi.unread });
  const count = data?.count ?? 0;
  const current = pathname === '/notifications';
  const label = count > 0 ? `${t('nav.notifications')}, ${t('nav.unreadNotifications', { count })}` : t('nav.notifications');
  return (
    <Tooltip label={t('nav.notifications')} withArrow withinPortal={false}>
      <Indicator label={count > 99 ? '99+' : count} size={16} color="red" disabled={count === 0} offset={4} aria-hidden={false}>
        <ActionIcon
          component={Link}
          to="/notifications"
          variant={current ? 'light' : 'subtle'}
          size="lg"
          aria-label={label}
          aria-current={current ? 'page' : undefined}
        >
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
