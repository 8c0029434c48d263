import { Button, Group, Paper, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Page } from '../api/types.ts';
import { PagedList } from './PagedList.tsx';
import { PageHeader } from './PageHeader.tsx';
import { EmptyState, NextSteps } from './PageState.tsx';

interface Step {
  to: string;
  label: string;
}

interface Props<T extends { id: number }> {
  title: string;
  description: string;
  /** The page's one action beside its title (a link elsewhere). */
  action: Step;
  /** The search and filter fields above the list; they live in the address, read by the page. */
  filters: ReactNode;
  /** Whether a search or filter is narrowing the list: an empty list then says "no results", not how to fill it. */
  filtered: boolean;
  noResults: string;
  /** The empty list before anything is in it: what it is for, and the way to fill it. */
  empty: { title: string; body: string; action: Step };
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  label: string;
  loadingLabel: string;
  renderItem: (item: T) => ReactNode;
}

/**
 * A page that is one list of my own (my relationships, my imported contacts): a header with its action, the
 * list's filters, then the paged list, with "no results" when filtered and the way to fill it when empty.
 */
export function FilteredListPage<T extends { id: number }>({ title, description, action, filters, filtered, noResults, empty, query, label, loadingLabel, renderItem }: Props<T>) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Button component={Link} to={action.to} variant="default">
            {action.label}
          </Button>
        }
      />
      <Paper p="md" radius="md">
        <Group mb="sm" align="flex-end" wrap="wrap">
          {filters}
        </Group>
        <PagedList
          query={query}
          label={label}
          loadingLabel={loadingLabel}
          empty={
            filtered ? (
              <Text c="dimmed">{noResults}</Text>
            ) : (
              <EmptyState title={empty.title} action={<NextSteps steps={[empty.action]} />}>
                {empty.body}
              </EmptyState>
            )
          }
          renderItem={renderItem}
        />
      </Paper>
    </>
  );
}
