import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { BlockedMembersCard } from './BlockedMembersCard.tsx';
import { DeleteAccountCard } from './DeleteAccountCard.tsx';
import { EmailNotificationsCard } from './EmailNotificationsCard.tsx';
import { ImportCard } from './ImportCard.tsx';
import { LanguageCard } from './LanguageCard.tsx';
import { MessageSettingsCard } from './MessageSettingsCard.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { ScreeningCard } from './screening/ScreeningCard.tsx';
import { TokensCard } from './TokensCard.tsx';
import { VisibilityCard } from './VisibilityCard.tsx';
import { YourDataCard } from './YourDataCard.tsx';

export function SettingsPage() {
  const { data: me } = useMe();
  const { t } = useTranslation('settings');
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.signedInAs', { email: me.email })} />
      <Stack gap="lg" maw={860}>
        <VisibilityCard me={me} />
        <ScreeningCard />
        <MessageSettingsCard />
        <BlockedMembersCard />
        <EmailNotificationsCard />
        <LanguageCard me={me} />
        <PasswordCard />
        <TokensCard />
        <ImportCard />
        <YourDataCard />
        <DeleteAccountCard me={me} />
      </Stack>
    </>
  );
}
