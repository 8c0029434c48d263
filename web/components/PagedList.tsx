import { Divider } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import type { Page } from '../api/types.ts';
import { LoadMore } from './LoadMore.tsx';
import { ErrorState, PageLoader } from './PageState.tsx';

interface Props<T extends { id: number }> {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  /** The list's accessible name, e.g. "Connections". */
  label: string;
  loadingLabel: string;
  /** Shown when the list is empty: what it is for and how to fill it. */
  empty: ReactNode;
  renderItem: (item: T) => ReactNode;
  /** Rearranges the loaded items before they are shown, e.g. to keep answered invitations in place. */
  arrange?: (items: T[]) => T[];
}

/** Every paged list (My Network, notifications) looks and behaves the same: loading, error with retry, empty state, items, "Load more". */
export function PagedList<T extends { id: number }>({ query, label, loadingLabel, empty, renderItem, arrange }: Props<T>) {
  if (query.isPending) return <PageLoader label={loadingLabel} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const loaded = query.data.pages.flatMap((p) => p.items);
  const items = arrange ? arrange(loaded) : loaded;
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item, i) => (
          <Fragment key={item.id}>
            {i > 0 && <Divider component="li" aria-hidden />}
            <li>{renderItem(item)}</li>
          </Fragment>
        ))}
      </ul>
      <LoadMore query={query} mt="sm" />
    </>
  );
}
