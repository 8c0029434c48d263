import { Anchor, Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { PagedList } from '../Network/PagedList.tsx';

/** Another member's connections, when their "Who can see my connections" setting lets the viewer look. */
export function MemberConnectionsPage() {
  const { handle = '' } = useParams();
  const member = useQuery({ queryKey: keys.member(handle), queryFn: () => directoryApi.member(handle) });
  const list = usePagedQuery(keys.memberConnections(handle), (cursor) => networkApi.memberConnections(handle, cursor));
  const name = member.data?.name ?? 'Member';

  if (member.isPending) return <PageLoader label="Loading…" />;
  if (member.error instanceof ApiError && member.error.status === 404) {
    return (
      <EmptyState title="This profile is not available" headingLevel={1}>
        The member may have changed their handle or left the community.
      </EmptyState>
    );
  }
  if (member.error) return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  const isPrivate = list.error instanceof ApiError && list.error.status === 403;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${name}’s connections`}
        description={
          <Anchor component={Link} to={`/in/${handle}`}>
            Back to <bdi>{name}</bdi>’s profile
          </Anchor>
        }
      />
      <Paper p="md" radius="md">
        {isPrivate ? (
          <EmptyState title="These connections are private" action={<NextSteps steps={[{ to: `/in/${handle}`, label: `Back to ${name}’s profile` }]} />}>
            <bdi>{name}</bdi> shares their connections only with some members.
          </EmptyState>
        ) : (
          <PagedList
            query={list}
            label={`${name}’s connections`}
            loadingLabel="Loading connections…"
            empty={
              <EmptyState title="No connections yet" action={<NextSteps steps={[{ to: '/members', label: 'Browse members' }]} />}>
                <bdi>{name}</bdi> has not connected with anyone yet.
              </EmptyState>
            }
            renderItem={(c) => <PersonCardItem person={c} />}
          />
        )}
      </Paper>
    </Stack>
  );
}
