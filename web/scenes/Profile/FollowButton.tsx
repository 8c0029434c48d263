import { Button } from '@mantine/core';
import { IconRss } from '@tabler/icons-react';
import { networkApi } from '../../api/network.ts';
import type { RelationshipState } from '../../api/types.ts';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';

/**
 * Follow is one-way and separate from connecting. It is shown only when the server says it is allowed
 * (the member may accept followers from connections only), or to undo an existing follow.
 */
export function FollowButton({ person, rel }: { person: { handle: string; name: string }; rel: RelationshipState }) {
  const toggle = useNetworkMutation((follow: boolean) => (follow ? networkApi.follow(person.handle) : networkApi.unfollow(person.handle)), {
    success: (follow) =>
      follow ? (
        <>
          You follow <bdi>{person.name}</bdi>.
        </>
      ) : (
        <>
          You no longer follow <bdi>{person.name}</bdi>.
        </>
      ),
  });
  if (rel.following) {
    return (
      <Button variant="default" loading={toggle.isPending} onClick={() => toggle.mutate(false)}>
        Unfollow
      </Button>
    );
  }
  if (!rel.canFollow) return null;
  return (
    <Button variant="default" leftSection={<IconRss size={16} aria-hidden />} loading={toggle.isPending} onClick={() => toggle.mutate(true)}>
      Follow
    </Button>
  );
}
