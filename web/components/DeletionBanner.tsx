import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAccountDeletion } from '../hooks/useAccountDeletion.ts';
import { useFormat } from '../i18n/format.ts';

/** Above every page while the member's account is scheduled for deletion: when, and a button to keep it. */
export function DeletionBanner() {
  const { t } = useTranslation();
  const format = useFormat();
  const { state, cancel } = useAccountDeletion();
  const purgeAfter = state.data?.scheduled ? state.data.purgeAfter : null;
  if (!purgeAfter) return null;
  return (
    <Alert color="red" variant="light" mb="md" icon={<IconAlertTriangle aria-hidden />} role="region" aria-label={t('deletion.region')}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{t('deletion.banner', { date: format.date(purgeAfter, 'long') })}</Text>
        <Button size="xs" variant="filled" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
          {t('deletion.keep')}
        </Button>
      </Group>
    </Alert>
  );
}
