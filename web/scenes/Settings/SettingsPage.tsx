import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { BlockedMembersCard } from './BlockedMembersCard.tsx';
import { LanguageCard } from './LanguageCard.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { ScreeningCard } from './screening/ScreeningCard.tsx';
import { TokensCard } from './TokensCard.tsx';
import { VisibilityCard } from './VisibilityCard.tsx';

export function SettingsPage() {
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${me.email}`} />
      <Stack gap="lg" maw={860}>
        <VisibilityCard me={me} />
        <ScreeningCard />
        <BlockedMembersCard />
        <LanguageCard me={me} />
        <PasswordCard />
        <TokensCard />
      </Stack>
    </>
  );
}
