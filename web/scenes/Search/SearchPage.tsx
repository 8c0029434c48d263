import { Button, Grid, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type SearchFilters, directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PeopleList } from '../../components/PeopleList.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { NoMatches, directoryLink } from './NoMatches.tsx';
import { type FilterValues, SearchFiltersPanel } from './SearchFiltersPanel.tsx';

const FILTER_KEYS = ['degree', 'industry', 'function', 'careerStage', 'organisation', 'orgName'] as const;

/** People search; the URL holds the query and filters so results can be shared and revisited. */
export function SearchPage() {
  const [params] = useSearchParams();
  // A new query from the header remounts the view so its search box shows that query.
  return <SearchView key={params.get('q') ?? ''} />;
}

function SearchView() {
  // The person cards' words load with the page's, not after them (one wait, not two).
  const { t } = useTranslation(['search', 'people']);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as FilterValues;
  const filters: SearchFilters = {
    q,
    industry: filterValues.industry || undefined,
    function: filterValues.function || undefined,
    careerStage: filterValues.careerStage || undefined,
    organisation: filterValues.organisation || undefined,
    degree: filterValues.degree || undefined,
  };
  const [input, setInput] = useState(q);

  const results = usePagedQuery(keys.search(filters), (cursor) => directoryApi.search(filters, cursor));

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: input.trim() });
  };

  const clearFilters = () => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])));
  const people = results.data?.pages.flatMap((p) => p.items) ?? [];
  const hasFilters = FILTER_KEYS.some((k) => filterValues[k]);

  return (
    <>
      <PageHeader title={t('title')} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 2, md: 1 }}>
          <SearchFiltersPanel
            values={filterValues}
            onChange={(patch) => update(patch as Record<string, string>)}
            onClear={clearFilters}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <form role="search" aria-label={t('form.label')} onSubmit={submit}>
              <Group gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  label={t('form.query')}
                  value={input}
                  onChange={(e) => setInput(e.currentTarget.value)}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  style={{ flex: 1 }}
                />
                <Button type="submit">{t('form.submit')}</Button>
              </Group>
            </form>
            <Paper p="md" radius="md" component="section" aria-label={t('results.label')}>
              {results.isPending ? (
                <PageLoader label={t('results.searching')} />
              ) : results.error ? (
                <ErrorState error={results.error} onRetry={() => void results.refetch()} />
              ) : people.length === 0 ? (
                <NoMatches q={q} hasFilters={hasFilters} directoryLink={directoryLink(filterValues)} onClearFilters={clearFilters} />
              ) : (
                <>
                  <Text size="sm" c="dimmed" role="status">
                    {q ? <Trans t={t} i18nKey="results.resultsFor" values={{ q }} components={{ bdi: <bdi /> }} /> : t('results.members')}
                  </Text>
                  <PeopleList people={people} label={t('results.list')} context="search" />
                  <LoadMore query={results} mt="sm" />
                </>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
