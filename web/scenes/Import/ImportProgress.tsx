import { Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportView, importsApi } from '../../api/imports.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ImportFailure, ImportReport } from './ImportReport.tsx';
import { importedHistoryKey, importKey, importListKey, matchesKey } from './keys.ts';
import { MappingStep } from './MappingStep.tsx';
import { MatchesSection } from './MatchesSection.tsx';
import { ProfileDraftSection } from './ProfileDraftSection.tsx';

/** The statuses after which nothing moves until the member acts (or ever): polling stops there. */
const resting = (status: ImportView['status'] | undefined) => status === 'done' || status === 'failed' || status === 'needs_mapping';

/**
 * One import followed from the queue to its end: GET /imports/:id polled every 700 ms while it moves, with a
 * progress bar and its status in words; then the column mapping, the failure or the report, and when done the
 * members it found and the profile it offers.
 */
export function ImportProgress({ id }: { id: number }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const queryClient = useQueryClient();
  const view = useQuery({
    queryKey: importKey(id),
    queryFn: () => importsApi.get(id),
    refetchInterval: (query) => (resting(query.state.data?.status) || query.state.error ? false : 700),
  });
  const status = view.data?.status;
  // Reaching an end changes the list of my imports and who is here.
  useEffect(() => {
    if (status === 'done' || status === 'failed') {
      void queryClient.invalidateQueries({ queryKey: importListKey });
      if (status === 'done') {
        void queryClient.invalidateQueries({ queryKey: matchesKey });
        void queryClient.invalidateQueries({ queryKey: importedHistoryKey });
      }
    }
  }, [status, queryClient]);

  if (view.isPending) return <PageLoader label={t('status.loading')} />;
  if (view.error) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const progress = data.status === 'done' ? 100 : Math.max(0, Math.min(100, Math.round(data.progress)));
  const words = t(`status.${data.status}`);

  return (
    <Stack gap="lg">
      <Paper p="lg" radius="md" component="section" aria-labelledby="import-status-heading">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="import-status-heading" style={{ overflowWrap: 'anywhere' }}>
            {t('status.heading', { file: data.fileName })}
          </Title>
          <div role="status" aria-live="polite">
            <Text size="sm" fw={500}>
              {words} {data.status !== 'failed' && data.status !== 'needs_mapping' ? `(${t('status.percent', { percent: format.number(progress) })})` : ''}
            </Text>
          </div>
          {data.status !== 'failed' && (
            <Progress
              value={progress}
              color={data.status === 'done' ? 'teal' : 'blue'}
              striped={!resting(data.status)}
              animated={!resting(data.status)}
              aria-label={t('status.label')}
            />
          )}
          {data.status === 'failed' && data.report.error && <ImportFailure error={data.report.error} />}
          {(data.status === 'done' || data.status === 'failed') && <ImportReport report={data.report} />}
        </Stack>
      </Paper>
      {data.status === 'needs_mapping' && data.mapping && <MappingStep key={data.id} view={data} />}
      {data.status === 'done' && <MatchesSection />}
      {data.status === 'done' && data.hasProfileDraft && <ProfileDraftSection importId={data.id} />}
    </Stack>
  );
}
