import { Blockquote, Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys.ts';
import { screeningApi } from '../../api/screening.ts';
import type { ConnectionCard } from '../../api/types.ts';
import { ThreadMessages } from '../../components/InvitationThread.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';

const CONTEXTS: Record<string, string> = {
  profile: 'an invitation from a profile',
  search: 'an invitation from search',
  suggestion: 'an invitation from People you may know',
  import: 'an invitation to an imported contact',
  comment: 'an invitation from a comment',
  introduction: 'an introduction',
  network: 'an invitation from My Network',
  directory: 'an invitation from the member directory',
};

/** "How you met": where a connection began, and a way to reopen its invitation with the note and the "ask for context" thread. */
export function HowYouMet({ connection }: { connection: ConnectionCard }) {
  const origin = connection.origin;
  if (!origin) return null;
  return (
    <>
      <Text size="xs" c="dimmed">
        How you met: {CONTEXTS[origin.context] ?? origin.context}
      </Text>
      {origin.invitationId !== null && <HowYouMetButton name={connection.name} invitationId={origin.invitationId} />}
    </>
  );
}

/** Opens the invitation that connected the viewer and `name`, with its note and "ask for context" thread. */
export function HowYouMetButton({ name, invitationId, size = 'compact-xs' }: { name: string; invitationId: number; size?: 'compact-xs' | 'sm' }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size={size} variant="subtle" onClick={open} style={{ alignSelf: 'flex-start' }} aria-label={`How you met ${name}: view the invitation and its conversation`}>
        {size === 'sm' ? 'How you met' : 'View the invitation'}
      </Button>
      <Modal opened={opened} onClose={close} title={`How you met ${name}`}>
        {opened && <InvitationStory invitationId={invitationId} />}
      </Modal>
    </>
  );
}

function InvitationStory({ invitationId }: { invitationId: number }) {
  const query = useQuery({ queryKey: keys.invitation(invitationId), queryFn: () => screeningApi.invitation(invitationId) });
  if (query.isPending) return <PageLoader label="Loading the invitation…" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const inv = query.data.invitation;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {inv.from.name} invited {inv.to.name} <TimeAgo iso={inv.createdAt} />.
      </Text>
      {inv.note ? (
        <Blockquote p="xs" radius="sm" cite={`— note from ${inv.from.name}`}>
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {inv.note}
          </Text>
        </Blockquote>
      ) : (
        <Text size="sm" c="dimmed">
          The invitation had no note.
        </Text>
      )}
      {inv.thread.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            Before connecting
          </Text>
          <ThreadMessages messages={inv.thread} label={`Conversation between ${inv.from.name} and ${inv.to.name}`} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          No questions were asked before connecting.
        </Text>
      )}
    </Stack>
  );
}
