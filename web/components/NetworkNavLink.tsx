import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useInvitations } from '../hooks/useInvitations.ts';
import { countLabel } from '../hooks/usePagedQuery.ts';

/**
 * The header's way to My Network, with the number of invitations waiting for an answer. `myClassName`
 * styles the word "My", which a phone-width header hides visually (it stays in the accessible name).
 */
export function NetworkNavLink({ className, myClassName }: { className?: string; myClassName?: string }) {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const waiting = countLabel(useInvitations('received').data);
  const current = pathname === '/network';
  return (
    <Button
      component={Link}
      to="/network"
      className={className}
      variant={current ? 'light' : 'subtle'}
      aria-current={current ? 'page' : undefined}
      leftSection={<IconUsers size={18} aria-hidden />}
      rightSection={
        waiting ? (
          <Badge size="sm" circle={waiting.length === 1} color="red">
            {waiting}
            <VisuallyHidden> {t('nav.pendingInvitations', { count: Number.parseInt(waiting, 10) })}</VisuallyHidden>
          </Badge>
        ) : undefined
      }
    >
      <span>
        <span className={myClassName}>{t('nav.myNetworkMy')}</span>
        {t('nav.myNetwork')}
      </span>
    </Button>
  );
}
