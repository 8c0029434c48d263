import { Button } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/**
 * The header's way to the member directory: everyone in the community, for when there is no network yet to
 * start from. `labelClassName` styles its word, which a phone-width header hides visually (the icon stays,
 * and the word stays in the accessible name).
 */
export function MembersNavLink({ className, labelClassName }: { className?: string; labelClassName?: string }) {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const current = pathname === '/members';
  return (
    <Button
      component={Link}
      to="/members"
      className={className}
      variant={current ? 'light' : 'subtle'}
      aria-current={current ? 'page' : undefined}
      leftSection={<IconAddressBook size={18} aria-hidden />}
    >
      <span className={labelClassName}>{t('nav.members')}</span>
    </Button>
  );
}
