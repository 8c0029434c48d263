import { Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { opportunitiesApi } from '../../api/opportunities.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { LogOpportunityForm } from './LogOpportunityForm.tsx';
import { OpportunityItem } from './OpportunityItem.tsx';
import { OpportunityReport } from './OpportunityReport.tsx';

/**
 * /opportunities: where my opportunities came from (issue 15). The form to log one, the report of shares by
 * origin, and the log, each person with how that relationship began. Private: the server answers it to me alone.
 */
export function OpportunitiesPage() {
  const { t } = useTranslation('opportunities');
  const client = useQueryClient();
  const report = useQuery({ queryKey: keys.opportunityReport, queryFn: opportunitiesApi.report });
  const list = useInfiniteQuery({
    queryKey: keys.opportunities,
    queryFn: ({ pageParam }) => opportunitiesApi.page(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const remove = useMutation({
    mutationFn: (id: number) => opportunitiesApi.remove(id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('list.removed') });
      await client.invalidateQueries({ queryKey: ['opportunities'] });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="md">
        <LogOpportunityForm />
        {report.data ? <OpportunityReport report={report.data} /> : report.error ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : <PageLoader />}
        {report.data && report.data.total > 0 && (
          <Paper p="md" radius="md" component="section" aria-labelledby="opportunity-list">
            <Title order={2} fz="h4" id="opportunity-list" mb="xs">
              {t('list.title')}
            </Title>
            <PagedList
              query={list}
              label={t('list.title')}
              loadingLabel={t('list.loading')}
              empty={t('list.empty')}
              renderItem={(o) => <OpportunityItem opportunity={o} onRemove={() => remove.mutate(o.id)} removing={remove.isPending && remove.variables === o.id} />}
            />
          </Paper>
        )}
      </Stack>
    </>
  );
}
