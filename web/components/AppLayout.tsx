import { Anchor, AppShell, Box, Button, Container, Group, Text } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../hooks/useMe.ts';
import { HeaderSearch } from './HeaderSearch.tsx';
import { MembersNavLink } from './MembersNavLink.tsx';
import { NetworkNavLink } from './NetworkNavLink.tsx';
import { NoticesBanner } from './NoticesBanner.tsx';
import { UserMenu } from './UserMenu.tsx';
import classes from './AppLayout.module.css';

/**
 * The frame around every page: header with logo, people search, the main navigation and the account
 * menu; then the page. On a phone the search box gets a row of its own, so it is wide enough to type in.
 */
export function AppLayout() {
  const { data: me } = useMe();
  const location = useLocation();
  return (
    <AppShell header={{ height: me ? { base: 112, sm: 64 } : 64 }} padding={0}>
      <a href="#main" className={classes.skip}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <div className={me ? `${classes.bar} ${classes.withSearch}` : classes.bar}>
            <Anchor component={Link} to="/" underline="never" className={classes.logo} aria-label="Rapport home">
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
                <nav aria-label="Main">
                  <Group gap={4} wrap="nowrap">
                    <MembersNavLink className={classes.navButton} />
                    <NetworkNavLink className={classes.navButton} myClassName={classes.wideOnly} />
                  </Group>
                </nav>
                <UserMenu me={me} />
              </Group>
            ) : (
              <Group gap="xs" wrap="nowrap" className={classes.nav}>
                <Button component={Link} to="/signin" variant="subtle">
                  Sign in
                </Button>
                <Button component={Link} to="/signup">
                  Join
                </Button>
              </Group>
            )}
          </div>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Container size="lg" py="lg">
          <NoticesBanner />
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
