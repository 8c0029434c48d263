import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EXPORT_VALID_DAYS } from '../../../common/exports.ts';
import { errorMessage } from '../../api/client.ts';
import { type ExportView, exportsApi } from '../../api/exports.ts';
import { keys } from '../../api/keys.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';

const inProgress = (e: ExportView | undefined) => e?.status === 'queued' || e?.status === 'running';

/**
 * Settings → Your data (docs/exports.md): request an export of everything I put in, follow it while the job
 * queue prepares it, and download it while it lasts (7 days). The notification "your export is ready" links here.
 */
export function YourDataCard() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const queryClient = useQueryClient();
  const exports = useQuery({
    queryKey: keys.exports,
    queryFn: exportsApi.list,
    // Polled only while an export is being prepared.
    refetchInterval: (query) => (inProgress(query.state.data?.items[0]) ? 2000 : false),
  });
  const request = useMutation({
    mutationFn: exportsApi.request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.exports }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const latest = exports.data?.items[0];
  // The "export ready" notification links to /settings#your-data: bring the card into view once it has loaded.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#your-data' && exports.isSuccess) document.getElementById('your-data')?.scrollIntoView({ block: 'start' });
  }, [hash, exports.isSuccess]);
  const megabytes = (bytes: number | null) => format.number(Math.max(0.1, Math.round((bytes ?? 0) / 100_000) / 10));

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="your-data-heading" id="your-data">
      <Title order={2} fz="h4" id="your-data-heading" mb={4}>
        {t('yourData.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('yourData.intro', { days: EXPORT_VALID_DAYS })}
      </Text>
      <Stack gap="md">
        {exports.isPending ? (
          <PageLoader label={t('yourData.loading')} />
        ) : exports.error ? (
          <ErrorState error={exports.error} onRetry={() => void exports.refetch()} />
        ) : (
          <div role="status" aria-live="polite">
            {!latest ? (
              <Text size="sm">{t('yourData.none')}</Text>
            ) : inProgress(latest) ? (
              <Stack gap={6}>
                <Text size="sm">{latest.status === 'queued' ? t('yourData.queued') : t('yourData.running')}</Text>
                <Progress value={100} striped animated aria-label={t('yourData.progressLabel')} />
              </Stack>
            ) : latest.status === 'done' && latest.url ? (
              <Stack gap="xs">
                <Text size="sm">
                  {t('yourData.ready', { size: megabytes(latest.bytes), date: format.dateTime(latest.expiresAt ?? latest.createdAt) })}
                </Text>
                <Group>
                  <Button component="a" href={latest.url} download>
                    {t('yourData.download')}
                  </Button>
                </Group>
              </Stack>
            ) : latest.status === 'failed' ? (
              <Alert color="red" variant="light" title={t('yourData.failedTitle')}>
                {latest.failure === 'disk_full' ? t('yourData.failedDiskFull') : t('yourData.failed')}
              </Alert>
            ) : (
              <Text size="sm">{t('yourData.expired')}</Text>
            )}
          </div>
        )}
        <Group>
          <Button variant={latest?.status === 'done' ? 'default' : 'filled'} onClick={() => request.mutate()} loading={request.isPending} disabled={inProgress(latest)}>
            {latest ? t('yourData.requestAgain') : t('yourData.request')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
