import { Button, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_STATUSES } from '../../../common/jobs.ts';
import type { DeadJob } from '../../../common/schemas/jobs.ts';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { useFormat } from '../../i18n/format.ts';

/**
 * The job queue (docs/operations.md, "Job queue"): how many jobs are in each status, per kind, and the dead
 * ones (out of attempts) with their last error, each to retry once its cause is fixed or to discard. Both
 * are recorded in the audit log. Operators can also run the weekly digest now.
 */
export function JobsPanel() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const client = useQueryClient();
  const counts = useQuery({ queryKey: keys.jobs, queryFn: adminApi.jobCounts });
  const dead = usePagedQuery(keys.deadJobs, (cursor) => adminApi.deadJobs(cursor));
  const [discarding, setDiscarding] = useState<DeadJob | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: keys.jobs });
  const act = useMutation({
    mutationFn: ({ job, action }: { job: DeadJob; action: 'retry' | 'discard' }) => (action === 'retry' ? adminApi.retryJob(job.id) : adminApi.discardJob(job.id)),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t(result.status === 'queued' ? 'jobs.retried' : 'jobs.discarded', { id: result.id }) });
      setDiscarding(null);
      refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const digest = useMutation({
    mutationFn: adminApi.runDigest,
    onSuccess: (run) => {
      notifications.show({ color: 'teal', message: t('jobs.digestStarted', { week: run.week }) });
      refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  const jobs = dead.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>
          {t('jobs.intro')}
        </Text>
        <Group gap="xs">
          <Button variant="default" size="xs" loading={digest.isPending} onClick={() => digest.mutate()}>
            {t('jobs.runDigest')}
          </Button>
          <Button variant="default" size="xs" loading={counts.isRefetching || dead.isRefetching} onClick={refresh}>
            {t('page.refresh')}
          </Button>
        </Group>
      </Group>

      <section aria-labelledby="jobs-counts-heading">
        <Title order={2} fz="h4" id="jobs-counts-heading" mb="xs">
          {t('jobs.countsTitle')}
        </Title>
        {counts.isPending && <PageLoader label={t('jobs.loading')} />}
        {counts.error && <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />}
        {counts.data && (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" striped aria-labelledby="jobs-counts-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('jobs.columns.kind')}</Table.Th>
                  {JOB_STATUSES.map((s) => (
                    <Table.Th key={s} scope="col" ta="right">
                      {t(`jobs.statuses.${s}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {counts.data.kinds.map((k) => (
                  <Table.Tr key={k.kind}>
                    <Table.Th scope="row" fw={400}>
                      <Code>{k.kind}</Code>
                    </Table.Th>
                    {JOB_STATUSES.map((s) => (
                      <Table.Td key={s} ta="right">
                        {format.number(k[s])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t('jobs.all')}</Table.Th>
                  {JOB_STATUSES.map((s) => (
                    <Table.Td key={s} ta="right" fw={600}>
                      {format.number(counts.data.total[s])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <section aria-labelledby="jobs-dead-heading">
        <Title order={2} fz="h4" id="jobs-dead-heading" mb="xs">
          {t('jobs.deadTitle')}
        </Title>
        {dead.isPending ? (
          <PageLoader label={t('jobs.loading')} />
        ) : dead.error ? (
          <ErrorState error={dead.error} onRetry={() => void dead.refetch()} />
        ) : jobs.length === 0 ? (
          <EmptyState title={t('jobs.noDeadTitle')}>{t('jobs.noDeadBody')}</EmptyState>
        ) : (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" striped aria-labelledby="jobs-dead-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('jobs.columns.kind')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.attempts')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.lastError')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.failedAt')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.map((job) => (
                    <Table.Tr key={job.id}>
                      <Table.Td>
                        <Code>{job.kind}</Code>
                        <Text size="xs" c="dimmed">
                          {t('jobs.jobId', { id: job.id })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t('jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }} dir="auto">
                          {job.lastError ?? t('jobs.noError')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{format.dateTime(job.failedAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            loading={act.isPending && act.variables.job.id === job.id && act.variables.action === 'retry'}
                            onClick={() => act.mutate({ job, action: 'retry' })}
                            aria-label={t('jobs.retryLabel', { id: job.id, kind: job.kind })}
                          >
                            {t('jobs.retry')}
                          </Button>
                          <Button size="xs" variant="subtle" color="red" onClick={() => setDiscarding(job)} aria-label={t('jobs.discardLabel', { id: job.id, kind: job.kind })}>
                            {t('jobs.discard')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore query={dead} />
          </Stack>
        )}
      </section>

      <Modal opened={discarding !== null} onClose={() => setDiscarding(null)} title={t('jobs.discardTitle', { id: discarding?.id ?? 0 })} centered>
        <Stack>
          <Text size="sm">{t('jobs.discardBody', { kind: discarding?.kind ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDiscarding(null)}>
              {t('jobs.cancel')}
            </Button>
            <Button color="red" loading={act.isPending} onClick={() => discarding && act.mutate({ job: discarding, action: 'discard' })}>
              {t('jobs.discardConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
