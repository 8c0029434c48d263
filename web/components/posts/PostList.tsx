import { Stack } from '@mantine/core';
import type { InfiniteData } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import type { PostView } from '../../api/posts.ts';
import type { Page } from '../../api/types.ts';
import { LoadMore } from '../LoadMore.tsx';
import { ErrorState, PageLoader } from '../PageState.tsx';
import { PostCard } from './PostCard.tsx';

const LIST_STYLE = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-md)' } as const;

interface PostsQuery {
  data: InfiniteData<Page<PostView>> | undefined;
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface Props {
  query: PostsQuery;
  /** The list's name for screen readers ("Posts in your feed"). */
  label: string;
  loadingLabel: string;
  /** What to show, and where to go, when there is nothing. */
  empty: ReactNode;
  /** The post just written: it takes focus when it appears. */
  focusId?: number | null;
}

/** A page of posts with "Load more": the feed, a topic, a member's activity. */
export function PostList({ query, label, loadingLabel, empty, focusId = null }: Props) {
  // Where focus goes when a post is deleted: it stays put whether the list remains or gives way to the empty state.
  const frameRef = useRef<HTMLDivElement>(null);
  if (query.isPending) return <PageLoader label={loadingLabel} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const posts = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" ref={frameRef} tabIndex={-1} style={{ outline: 'none' }}>
      {posts.length === 0 ? (
        empty
      ) : (
        <>
          <ul aria-label={label} style={LIST_STYLE}>
            {posts.map((post) => (
              <li key={post.id}>
                <PostCard post={post} focusOnMount={post.id === focusId} onRemoved={() => frameRef.current?.focus()} />
              </li>
            ))}
          </ul>
          <LoadMore query={query} />
        </>
      )}
    </Stack>
  );
}
