import { Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout, IconPencil, IconPlant, IconQuote, IconSeedling, IconSettings, IconShieldLock, IconStar, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MeView } from '../api/types.ts';
import { useSession } from '../hooks/useSession.ts';
import { PersonAvatar } from './PersonAvatar.tsx';

/** The signed-in member's menu: profile, settings, admin (when allowed) and sign out. */
export function UserMenu({ me }: { me: MeView }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" width={220} withArrow>
      <Menu.Target>
        <UnstyledButton style={{ borderRadius: '50%' }}>
          <PersonAvatar name={me.profile.name} photoUrl={me.profile.photoUrl} size={36} />
          <VisuallyHidden>{t('userMenu.label', { name: me.profile.name })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label dir="auto">{me.profile.name}</Menu.Label>
        <Menu.Item component={Link} to={`/in/${me.handle}`} leftSection={<IconUser size={16} aria-hidden />}>
          {t('userMenu.viewProfile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/profile/edit" leftSection={<IconPencil size={16} aria-hidden />}>
          {t('userMenu.editProfile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/recommendations" leftSection={<IconQuote size={16} aria-hidden />}>
          {t('userMenu.recommendations')}
        </Menu.Item>
        <Menu.Item component={Link} to="/admire" leftSection={<IconStar size={16} aria-hidden />}>
          {t('userMenu.admire')}
        </Menu.Item>
        <Menu.Item component={Link} to="/outreach" leftSection={<IconSeedling size={16} aria-hidden />}>
          {t('userMenu.outreach')}
        </Menu.Item>
        <Menu.Item component={Link} to="/garden" leftSection={<IconPlant size={16} aria-hidden />}>
          {t('userMenu.garden')}
        </Menu.Item>
        <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} aria-hidden />}>
          {t('userMenu.settings')}
        </Menu.Item>
        {me.abilities.admin && (
          <Menu.Item component={Link} to="/admin" leftSection={<IconShieldLock size={16} aria-hidden />}>
            {t('userMenu.admin')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void signOut().then(() => navigate('/signin'))}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
