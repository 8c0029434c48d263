import { Button, Divider, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import type { BlockedCard } from '../../api/types.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';

/** Members the viewer blocked. Blocked members cannot be found in search, so this is the one place to unblock them. */
export function BlockedMembersCard() {
  const query = useQuery({ queryKey: keys.blocks, queryFn: networkApi.blocks });
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="blocked-heading">
      <Title order={2} fz="h4" id="blocked-heading" mb={4}>
        Blocked members
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Blocked members cannot see, find, invite or follow you. Unblocking does not restore a connection.
      </Text>
      {query.isPending ? (
        <PageLoader label="Loading blocked members…" />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text size="sm">You have not blocked anyone.</Text>
      ) : (
        <ul aria-label="Blocked members" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {query.data.items.map((b, i) => (
            <Fragment key={b.id}>
              {i > 0 && <Divider component="li" aria-hidden />}
              <li>
                <BlockedMember member={b} />
              </li>
            </Fragment>
          ))}
        </ul>
      )}
    </Paper>
  );
}

function BlockedMember({ member }: { member: BlockedCard }) {
  const unblock = useNetworkMutation(() => networkApi.unblock(member.handle), {
    success: () => (
      <>
        <bdi>{member.name}</bdi> is unblocked.
      </>
    ),
  });
  return (
    <PersonCardItem
      person={member}
      extra={
        <Text size="xs" c="dimmed">
          <TimeAgo iso={member.blockedAt} prefix="Blocked " />
        </Text>
      }
      actions={
        <Button size="xs" variant="default" loading={unblock.isPending} onClick={() => unblock.mutate(undefined)} aria-label={`Unblock ${member.name}`}>
          Unblock
        </Button>
      }
    />
  );
}
