import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EMAIL_KINDS } from '../../../common/notifications.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { notificationsApi } from '../../api/notifications.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';

/** Which notifications also come by email, and the weekly digest; each email's own unsubscribe link turns its kind off here too. */
export function EmailNotificationsCard() {
  const { t } = useTranslation('notifications');
  const client = useQueryClient();
  const query = useQuery({ queryKey: keys.notificationSettings, queryFn: notificationsApi.settings });
  const save = useMutation({
    mutationFn: notificationsApi.saveEmail,
    onSuccess: (saved) => {
      client.setQueryData(keys.notificationSettings, saved);
      notifications.show({ color: 'teal', message: t('settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="email-notifications-heading">
      <Title order={2} fz="h4" id="email-notifications-heading" mb={4}>
        {t('settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.intro')}
      </Text>
      {query.isPending && <PageLoader label={t('settings.loading')} />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <Stack gap="sm">
          {EMAIL_KINDS.map((kind) => (
            <Switch
              key={kind}
              label={t(`settings.kinds.${kind}`)}
              checked={query.data.email[kind]}
              disabled={save.isPending}
              onChange={(event) => save.mutate({ [kind]: event.currentTarget.checked })}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
