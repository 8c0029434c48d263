import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSearch, IconUserEdit } from '@tabler/icons-react';
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
        title="Members"
        description="Everyone in the community, newest first. Connect with people you know, and say how in a personal note."
      />
      <Stack gap="md">
        <DirectoryFilters values={values} onChange={update} onClear={clear} />
        <Paper p="md" radius="md" component="section" aria-label="Members list">
          {query.isPending ? (
            <PageLoader label="Loading members…" />
          ) : query.error ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : people.length === 0 ? (
            hasFilters ? (
              <EmptyState
                title="No members match these filters"
                action={
                  <Group gap="xs" justify="center">
                    <Button variant="light" size="xs" onClick={clear}>
                      Clear filters
                    </Button>
                    <Button component={Link} to="/search" variant="default" size="xs" leftSection={<IconSearch size={14} aria-hidden />}>
                      Search by name or skill
                    </Button>
                  </Group>
                }
              >
                Filters match only members who share their full profile with you. Try a broader place or another organisation.
              </EmptyState>
            ) : (
              <EmptyState
                title="No other members yet"
                action={
                  <Button component={Link} to="/profile/edit" variant="light" size="xs" leftSection={<IconUserEdit size={14} aria-hidden />}>
                    Complete your profile
                  </Button>
                }
              >
                You are among the first here. A complete profile helps the people who join next find you and know who you are.
              </EmptyState>
            )
          ) : (
            <>
              <Text size="sm" c="dimmed" role="status">
                {values.sort === 'name' ? 'Members by name' : 'Newest members first'}
                {hasFilters ? ', filtered' : ''}
              </Text>
              <PeopleList people={people} label="Members" context="directory" />
              <LoadMore query={query} mt="sm" />
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}
