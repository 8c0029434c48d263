import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSearch, IconUserEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type MemberFilters, directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PeopleList } from '../../components/PeopleList.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { DirectoryFilters, type DirectoryFilterValues } from './DirectoryFilters.tsx';

const FILTER_KEYS = ['organisation', 'orgName', 'location', 'industry'] as const;

/**
 * The member directory: everyone in the community the viewer may see, newest first or by name, with
 * filters. It is where a new member starts when there is no network yet to suggest from. The URL holds
 * the order and filters, so a view can be shared and survives a reload.
 */
export function DirectoryPage() {
  // The person cards' words load with the page's, not after them (one wait, not two).
  const { t } = useTranslation(['directory', 'people']);
  const [params, setParams] = useSearchParams();
  const values: DirectoryFilterValues = {
    sort: params.get('sort') === 'name' ? 'name' : 'newest',
    organisation: params.get('organisation') ?? '',
    orgName: params.get('orgName') ?? '',
    location: params.get('location') ?? '',
    industry: params.get('industry') ?? '',
  };
  const filters: MemberFilters = {
    sort: values.sort,
    organisation: values.organisation || undefined,
    location: values.location || undefined,
    industry: values.industry || undefined,
  };
  const hasFilters = Boolean(filters.organisation || filters.location || filters.industry);
  const query = usePagedQuery(keys.directory(filters), (cursor) => directoryApi.members(filters, cursor));

  const update = (patch: Partial<DirectoryFilterValues>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      // Newest first is the default order, so it stays out of the URL.
      if (v && !(k === 'sort' && v === 'newest')) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const clear = () => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])));
  const people = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <Stack gap="md">
        <DirectoryFilters values={values} onChange={update} onClear={clear} />
        <Paper p="md" radius="md" component="section" aria-label={t('list.label')}>
          {query.isPending ? (
            <PageLoader label={t('list.loading')} />
          ) : query.error ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : people.length === 0 ? (
            hasFilters ? (
              <EmptyState
                title={t('noMatches.title')}
                action={
                  <Group gap="xs" justify="center">
                    <Button variant="light" size="xs" onClick={clear}>
                      {t('noMatches.clear')}
                    </Button>
                    <Button component={Link} to="/search" variant="default" size="xs" leftSection={<IconSearch size={14} aria-hidden />}>
                      {t('noMatches.search')}
                    </Button>
                  </Group>
                }
              >
                {t('noMatches.body')}
              </EmptyState>
            ) : (
              <EmptyState
                title={t('noMembers.title')}
                action={
                  <Button component={Link} to="/profile/edit" variant="light" size="xs" leftSection={<IconUserEdit size={14} aria-hidden />}>
                    {t('noMembers.completeProfile')}
                  </Button>
                }
              >
                {t('noMembers.body')}
              </EmptyState>
            )
          ) : (
            <>
              <Text size="sm" c="dimmed" role="status">
                {values.sort === 'name'
                  ? t(hasFilters ? 'list.byNameFiltered' : 'list.byName')
                  : t(hasFilters ? 'list.newestFiltered' : 'list.newest')}
              </Text>
              <PeopleList people={people} label={t('list.people')} context="directory" />
              <LoadMore query={query} mt="sm" />
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}
