import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { networkApi } from '../../api/network.ts';
import type { InvitationView } from '../../api/types.ts';
import { EmptyState } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useInvitations } from '../../hooks/useInvitations.ts';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { PagedList } from './PagedList.tsx';

/** Invitations waiting for an answer. Ignored ones stay "pending" here on purpose: ignoring is silent. */
export function SentInvitations() {
  const query = useInvitations('sent');
  return (
    <PagedList
      query={query}
      label="Invitations sent"
      loadingLabel="Loading sent invitations…"
      empty={
        <EmptyState
          title="No invitations waiting"
          action={
            <Button component={Link} to="/network?tab=suggestions" variant="light" size="xs">
              See people you may know
            </Button>
          }
        >
          Invitations you send stay here until they are answered.
        </EmptyState>
      }
      renderItem={(inv) => <SentInvitation invitation={inv} />}
    />
  );
}

function SentInvitation({ invitation }: { invitation: InvitationView }) {
  const { to } = invitation;
  const withdraw = useNetworkMutation(() => networkApi.answer(invitation.id, 'withdraw'), {
    success: () => `Invitation to ${to.name} withdrawn.`,
  });
  return (
    <PersonCardItem
      person={to}
      extra={
        <Text size="xs" c="dimmed">
          <TimeAgo iso={invitation.createdAt} prefix="Sent " />
          {invitation.note ? ` · “${invitation.note.length > 80 ? `${invitation.note.slice(0, 80)}…` : invitation.note}”` : ''}
        </Text>
      }
      actions={
        <Button size="xs" variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)} aria-label={`Withdraw invitation to ${to.name}`}>
          Withdraw
        </Button>
      }
    />
  );
}
