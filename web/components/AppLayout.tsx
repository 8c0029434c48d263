import { Anchor, AppShell, Box, Button, Container, Group, Text } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../hooks/useMe.ts';
import { useMemberLocale } from '../i18n/useMemberLocale.ts';
import { HeaderSearch } from './HeaderSearch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MembersNavLink } from './MembersNavLink.tsx';
import { MessagesNavLink } from './MessagesNavLink.tsx';
import { NetworkNavLink } from './NetworkNavLink.tsx';
import { NotificationsNavLink } from './NotificationsNavLink.tsx';
import { NoticesBanner } from './NoticesBanner.tsx';
import { DeletionBanner } from './DeletionBanner.tsx';
import { PageLoader } from './PageState.tsx';
import { UserMenu } from './UserMenu.tsx';
import classes from './AppLayout.module.css';

/**
 * The frame around every page: header with logo, people search, the main navigation and the account
 * menu; then the page. On a phone the search box gets a row of its own, so it is wide enough to type in.
 */
export function AppLayout() {
  const { data: me } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  useMemberLocale(me);
  return (
    <AppShell header={{ height: me ? { base: 112, sm: 64 } : 64 }} padding={0}>
      <a href="#main" className={classes.skip}>
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <div className={me ? `${classes.bar} ${classes.withSearch}` : classes.bar}>
            <Anchor component={Link} to="/" underline="never" className={classes.logo} aria-label={t('homeLink', { brand: 'Rapport' })}>
              <Box component="span" className={classes.mark} aria-hidden>
                <IconAffiliate size={20} stroke={2.2} />
              </Box>
              <Text component="span" fw={700} fz="lg" visibleFrom="xs">
                Rapport
              </Text>
            </Anchor>
            {me && <HeaderSearch className={classes.search} key={location.pathname === '/search' ? location.search : 'header'} />}
            {me ? (
              <Group gap="xs" wrap="nowrap" className={classes.nav}>
                <nav aria-label={t('mainNav')}>
                  <Group gap={4} wrap="nowrap">
                    <MembersNavLink className={classes.navButton} labelClassName={classes.wideOnly} />
                    <NetworkNavLink className={classes.navButton} myClassName={classes.wideOnly} />
                    <MessagesNavLink />
                    <NotificationsNavLink />
                  </Group>
                </nav>
                <UserMenu me={me} />
              </Group>
            ) : (
              <Group gap="xs" wrap="nowrap" className={classes.nav}>
                <LanguageSwitch />
                <Button component={Link} to="/signin" variant="subtle">
                  {t('signIn')}
                </Button>
                <Button component={Link} to="/signup">
                  {t('join')}
                </Button>
              </Group>
            )}
          </div>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Container size="lg" py="lg">
          {me && <DeletionBanner />}
          <NoticesBanner />
          {/* A scene suspends while its namespace loads; the shell stays put around it. */}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
