import { Anchor, Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { HomeFeed } from './HomeFeed.tsx';
import { NewMembersCard } from './NewMembersCard.tsx';
import { QuickSearch } from './QuickSearch.tsx';
import { StrengthCard } from './StrengthCard.tsx';
import { VerifyBanner } from './VerifyBanner.tsx';

export function HomePage() {
  const { data: me } = useMe();
  // The person cards' words load with the page's, not after them (one wait, not two).
  const { t } = useTranslation(['home', 'people', 'feed']);
  if (!me) return null;
  const firstName = me.profile.name.split(' ')[0] ?? me.profile.name;
  return (
    <>
      <PageHeader title={t('title', { firstName })} description={t('description')} />
      {!me.emailVerified && (
        <Box mb="lg">
          <VerifyBanner email={me.email} />
        </Box>
      )}
      {/* The feed first: on a phone it comes straight after the header (and the reminder), the cards after it. */}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <HomeFeed />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper p="lg" radius="md">
              <Stack align="center" gap="xs" ta="center">
                <PersonAvatar name={me.profile.name} photoUrl={me.profile.photoUrl} size={88} />
                <Title order={2} fz="h4" dir="auto">
                  {me.profile.name}
                </Title>
                {me.profile.headline ? (
                  <Text size="sm" dir="auto">
                    {me.profile.headline}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('profile.addHeadline')}
                  </Text>
                )}
                <Group gap="xs" mt="xs">
                  <Button component={Link} to={`/in/${me.handle}`} variant="default" size="xs">
                    {t('profile.view')}
                  </Button>
                  <Button component={Link} to="/profile/edit" size="xs">
                    {t('profile.edit')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
            <StrengthCard strength={me.strength} />
            <NewMembersCard />
            <QuickSearch />
            {me.abilities.admin && (
              <Text size="sm">
                <Trans t={t} i18nKey="admin" components={{ admin: <Anchor component={Link} to="/admin" /> }} />
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
