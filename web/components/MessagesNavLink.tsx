import { IconMessage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { keys } from '../api/keys.ts';
import { messagesApi } from '../api/messages.ts';
import { CountedNavLink } from './CountedNavLink.tsx';

/**
 * The header's way to Messages, with how many inbox conversations hold something unread (muted and archived
 * ones left out, requests counted on the page's own tab), kept current by live updates.
 */
export function MessagesNavLink() {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: keys.conversationsUnread, queryFn: messagesApi.unread });
  const count = data?.inbox ?? 0;
  const name = t('nav.messages');
  return (
    <CountedNavLink
      to="/messages"
      name={name}
      label={count > 0 ? `${name}, ${t('nav.unreadMessages', { count })}` : name}
      count={count}
      current={pathname === '/messages' || pathname.startsWith('/messages/')}
      icon={<IconMessage size={20} aria-hidden />}
    />
  );
}
