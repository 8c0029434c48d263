import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { networkApi } from '../../api/network.ts';
import type { InvitationView } from '../../api/types.ts';
import { ThreadComposer, ThreadMessages } from '../../components/InvitationThread.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useInvitations } from '../../hooks/useInvitations.ts';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { AllowanceCard } from './AllowanceCard.tsx';
import { firstName } from './evidenceText.ts';
import { PagedList } from './PagedList.tsx';

/** Invitations waiting for an answer, under the allowance that limits them. Ignored ones stay "pending" here on purpose: ignoring is silent. */
export function SentInvitations() {
  const query = useInvitations('sent');
  return (
    <Stack gap="md">
      <AllowanceCard />
      <PagedList
        query={query}
        label="Invitations sent"
        loadingLabel="Loading sent invitations…"
        empty={
          <EmptyState
            title="No invitations waiting"
            action={
              <NextSteps
                steps={[
                  { to: '/network?tab=suggestions', label: 'See people you may know' },
                  { to: '/members', label: 'Browse members' },
                ]}
              />
            }
          >
            Invitations you send stay here until they are answered.
          </EmptyState>
        }
        renderItem={(inv) => <SentInvitation invitation={inv} />}
      />
    </Stack>
  );
}

function SentInvitation({ invitation }: { invitation: InvitationView }) {
  const { to } = invitation;
  const [replying, reply] = useDisclosure(false);
  const withdraw = useNetworkMutation(() => networkApi.answer(invitation.id, 'withdraw'), {
    success: () => `Invitation to ${to.name} withdrawn.`,
  });
  const last = invitation.thread.at(-1);
  const waitingForYou = last !== undefined && last.author.id === to.id;
  return (
    <Stack gap="xs" pb="xs">
      <PersonCardItem
        person={to}
        extra={
          <>
            <Text size="xs" c="dimmed">
              <TimeAgo iso={invitation.createdAt} prefix="Sent " />
              {invitation.note ? ` · “${invitation.note.length > 80 ? `${invitation.note.slice(0, 80)}…` : invitation.note}”` : ''}
            </Text>
            {waitingForYou && (
              <Text size="sm" fw={600}>
                {firstName(to.name)} asked you for context
              </Text>
            )}
          </>
        }
        actions={
          <>
            {invitation.thread.length > 0 && (
              <Button size="xs" variant="light" onClick={reply.toggle} aria-expanded={replying} aria-label={`Reply to ${to.name}`}>
                Reply
              </Button>
            )}
            <Button size="xs" variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)} aria-label={`Withdraw invitation to ${to.name}`}>
              Withdraw
            </Button>
          </>
        }
      />
      {invitation.thread.length > 0 && (
        <Stack gap="xs" pl={{ base: 0, sm: 68 }}>
          <ThreadMessages messages={invitation.thread} label={`Conversation with ${to.name}`} />
          {replying && (
            <ThreadComposer
              invitationId={invitation.id}
              label={`Your reply to ${firstName(to.name)}`}
              submitLabel="Send reply"
              sentMessage={`Reply sent to ${to.name}.`}
              onSent={reply.close}
              onCancel={reply.close}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
