import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../api/types.ts';

/** A cursor-paginated list ("Load more"): each page's nextCursor fetches the next. */
export function usePagedQuery<T>(queryKey: QueryKey, fetchPage: (cursor?: string) => Promise<Page<T>>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A count for a tab label from the first page alone: exact when it fits, "20+" when there are more. */
export function countLabel(data: { pages: Page<unknown>[] } | undefined): string | null {
  const first = data?.pages[0];
  if (!first || first.items.length === 0) return null;
  return first.nextCursor ? `${first.items.length}+` : String(first.items.length);
}
