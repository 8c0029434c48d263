import { Button, Text } from '@mantine/core';
import { keys } from '../../api/keys.ts';
import { type FollowDirection, networkApi } from '../../api/network.ts';
import type { FollowCard } from '../../api/types.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { PagedList } from './PagedList.tsx';

const COPY: Record<FollowDirection, { label: string; emptyTitle: string; empty: string; since: string }> = {
  followers: {
    label: 'Followers',
    emptyTitle: 'No followers yet',
    empty: 'Members who follow you see your posts without being connected. They appear here.',
    since: 'Followed you ',
  },
  following: {
    label: 'Following',
    emptyTitle: 'You are not following anyone',
    empty: 'Follow members whose posts you want to see, even if you do not know them personally.',
    since: 'Followed ',
  },
};

/** Followers or followees, newest first; following can be undone from here. */
export function FollowsTab({ direction }: { direction: FollowDirection }) {
  const copy = COPY[direction];
  const query = usePagedQuery(keys.follows(direction), (cursor) => networkApi.follows(direction, cursor));
  return (
    <PagedList
      query={query}
      label={copy.label}
      loadingLabel={`Loading ${copy.label.toLowerCase()}…`}
      empty={
        <EmptyState title={copy.emptyTitle} action={<NextSteps steps={[{ to: '/members', label: 'Browse members' }]} />}>
          {copy.empty}
        </EmptyState>
      }
      renderItem={(f) => (
        <PersonCardItem
          person={f}
          extra={
            <Text size="xs" c="dimmed">
              <TimeAgo iso={f.followedAt} prefix={copy.since} />
            </Text>
          }
          actions={direction === 'following' ? <UnfollowButton person={f} /> : undefined}
        />
      )}
    />
  );
}

function UnfollowButton({ person }: { person: FollowCard }) {
  const unfollow = useNetworkMutation(() => networkApi.unfollow(person.handle), { success: () => `You no longer follow ${person.name}.` });
  return (
    <Button size="xs" variant="default" loading={unfollow.isPending} onClick={() => unfollow.mutate(undefined)} aria-label={`Unfollow ${person.name}`}>
      Unfollow
    </Button>
  );
}
