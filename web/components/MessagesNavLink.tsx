import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { keys } from '../api/keys.ts';
import { messagesApi } from '../api/messages.ts';

/**
 * The header's way to Messages, with how many inbox conversations hold something unread (muted and archived
 * ones left out, requests counted on the page's own tab), kept current by live updates.
 */
export function MessagesNavLink() {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: keys.conversationsUnread, queryFn: messagesApi.unread });
  const count = data?.inbox ?? 0;
  const current = pathname === '/messages' || pathname.startsWith('/messages/');
  const label = count > 0 ? `${t('nav.messages')}, ${t('nav.unreadMessages', { count })}` : t('nav.messages');
  return (
    <Tooltip label={t('nav.messages')} withArrow withinPortal={false}>
      <Indicator label={count > 99 ? '99+' : count} size={16} color="red" disabled={count === 0} offset={4} aria-hidden={false}>
        <ActionIcon
          component={Link}
          to="/messages"
          variant={current ? 'light' : 'subtle'}
          size="lg"
          aria-label={label}
          aria-current={current ? 'page' : undefined}
        >
          <IconMessage size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
