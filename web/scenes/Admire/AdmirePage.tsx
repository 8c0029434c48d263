import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { admireApi } from '../../api/admire.ts';
import { keys } from '../../api/keys.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { AddAdmired } from './AddAdmired.tsx';
import { AdmireEntryItem } from './AdmireEntryItem.tsx';

/**
 * The admire list ("map it out", issue 15): people and organisations the member wants to reach, each with
 * the best introduction paths and a pipeline stage. Private to the member.
 */
export function AdmirePage() {
  const { t } = useTranslation('admire');
  const query = useQuery({ queryKey: keys.admire, queryFn: admireApi.list });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="md">
        <AddAdmired />
        {query.isPending ? (
          <PageLoader label={t('loading')} />
        ) : query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={t('empty.title')} headingLevel={2} action={<NextSteps steps={[{ to: '/search', label: t('empty.action') }]} />}>
            {t('empty.body')}
          </EmptyState>
        ) : (
          <Stack component="section" aria-label={t('list')} gap="sm">
            {query.data.items.map((entry) => (
              <AdmireEntryItem key={entry.id} entry={entry} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
