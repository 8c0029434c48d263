import { Blockquote, Button, Text } from '@mantine/core';
import { networkApi, type InvitationAnswer } from '../../api/network.ts';
import type { InvitationView } from '../../api/types.ts';
import { EmptyState } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useInvitations } from '../../hooks/useInvitations.ts';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { PagedList } from './PagedList.tsx';

const DONE: Record<Exclude<InvitationAnswer, 'withdraw'>, (name: string) => string> = {
  accept: (name) => `You are now connected with ${name}.`,
  ignore: () => 'Invitation ignored. The sender is not told.',
  'dont-know': (name) => `Declined. ${name} cannot invite you again.`,
};

/** The inbox: who wants to connect, their note and when, with the three answers. */
export function ReceivedInvitations() {
  const query = useInvitations('received');
  return (
    <PagedList
      query={query}
      label="Invitations received"
      loadingLabel="Loading invitations…"
      empty={<EmptyState title="No pending invitations">When someone invites you to connect, their invitation and note appear here.</EmptyState>}
      renderItem={(inv) => <ReceivedInvitation invitation={inv} />}
    />
  );
}

function ReceivedInvitation({ invitation }: { invitation: InvitationView }) {
  const { from } = invitation;
  const answer = useNetworkMutation((a: Exclude<InvitationAnswer, 'withdraw'>) => networkApi.answer(invitation.id, a), {
    success: (a) => DONE[a](from.name),
  });
  const busy = (a: InvitationAnswer) => answer.isPending && answer.variables === a;
  return (
    <PersonCardItem
      person={from}
      extra={
        <>
          {invitation.note ? (
            <Blockquote p="xs" mt={6} radius="sm" cite={`— note from ${from.name}`}>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {invitation.note}
              </Text>
            </Blockquote>
          ) : (
            <Text size="xs" c="dimmed" mt={4}>
              No note added.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            <TimeAgo iso={invitation.createdAt} prefix="Invited you " />
          </Text>
        </>
      }
      actions={
        <>
          <Button size="xs" loading={busy('accept')} disabled={answer.isPending} onClick={() => answer.mutate('accept')} aria-label={`Accept invitation from ${from.name}`}>
            Accept
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={busy('ignore')}
            disabled={answer.isPending}
            onClick={() => answer.mutate('ignore')}
            aria-label={`Ignore invitation from ${from.name}`}
          >
            Ignore
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={busy('dont-know')}
            disabled={answer.isPending}
            onClick={() => answer.mutate('dont-know')}
            title="Declines, and this member can never invite you again"
          >
            I don&rsquo;t know {from.name.split(/\s+/)[0]}
          </Button>
        </>
      }
    />
  );
}
