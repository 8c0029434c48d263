import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMAIL_KINDS } from '../../../common/notifications.ts';
import { keys } from '../../api/keys.ts';
import { notificationsApi } from '../../api/notifications.ts';
import { SavedSettingsCard } from './SavedSettingsCard.tsx';

/** Which notifications also come by email, and the weekly digest; each email's own unsubscribe link turns its kind off here too. */
export function EmailNotificationsCard() {
  const { t } = useTranslation('notifications');
  return (
    <SavedSettingsCard
      id="email-notifications"
      namespace="notifications"
      queryKey={keys.notificationSettings}
      load={notificationsApi.settings}
      save={notificationsApi.saveEmail}
    >
      {(settings, save, saving) =>
        EMAIL_KINDS.map((kind) => (
          <Switch
            key={kind}
            label={t(`settings.kinds.${kind}`)}
            checked={settings.email[kind]}
            disabled={saving}
            onChange={(event) => save({ [kind]: event.currentTarget.checked })}
          />
        ))
      }
    </SavedSettingsCard>
  );
}
