import { Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconChevronDown, IconFlag, IconMessageQuestion } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { networkApi, type InvitationAnswer } from '../../api/network.ts';
import type { InvitationView } from '../../api/types.ts';
import { BlockDialog } from '../../components/BlockDialog.tsx';
import { ThreadComposer, ThreadMessages } from '../../components/InvitationThread.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { ReportDialog } from '../../components/ReportDialog.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { firstName } from './evidenceText.ts';
import { InvitationEvidence } from './InvitationEvidence.tsx';
import { InvitationSummary } from './InvitationSummary.tsx';

type Answer = Exclude<InvitationAnswer, 'withdraw'>;

/** Lines the evidence, answers and thread up under the name, past the avatar, on wider screens. */
const INDENT = { base: 0, sm: 68 };

const DONE: Record<Answer, (name: string) => ReactNode> = {
  accept: (name) => (
    <>
      You are now connected with <bdi>{name}</bdi>.
    </>
  ),
  ignore: () => 'Invitation ignored. The sender is not told.',
  'dont-know': (name) => (
    <>
      Declined. <bdi>{name}</bdi> cannot invite you again.
    </>
  ),
};

/**
 * One received invitation: who, the evidence behind it and the rule that placed it, the answers
 * (accept, ignore, "I don't know this person"), and the ways to push back: ask for context, report, block.
 */
export function ReceivedInvitationCard({ invitation }: { invitation: InvitationView }) {
  const { from } = invitation;
  const [asking, ask] = useDisclosure(false);
  const [reporting, report] = useDisclosure(false);
  const [blocking, block] = useDisclosure(false);
  const answer = useNetworkMutation((a: Answer) => networkApi.answer(invitation.id, a), { success: (a) => DONE[a](from.name) });
  const busy = (a: Answer) => answer.isPending && answer.variables === a;
  const first = firstName(from.name);

  return (
    <Stack gap="xs" pb="sm">
      <PersonCardItem
        person={from}
        extra={
          <Text size="xs" c="dimmed">
            <TimeAgo iso={invitation.createdAt} prefix="Invited you " />
          </Text>
        }
        actions={
          <>
            <Button size="xs" loading={busy('accept')} disabled={answer.isPending} onClick={() => answer.mutate('accept')} aria-label={`Accept invitation from ${from.name}`}>
              Accept
            </Button>
            <Button size="xs" variant="default" loading={busy('ignore')} disabled={answer.isPending} onClick={() => answer.mutate('ignore')} aria-label={`Ignore invitation from ${from.name}`}>
              Ignore
            </Button>
          </>
        }
      />
      <Stack gap="xs" pl={INDENT}>
        {invitation.screening ? (
          <EvidenceDisclosure invitation={invitation} />
        ) : (
          invitation.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
              {invitation.note}
            </Text>
          )
        )}
      </Stack>
      <Group gap="xs" wrap="wrap" pl={INDENT} role="group" aria-label={`More answers to ${from.name}`}>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconMessageQuestion size={14} aria-hidden />}
          onClick={ask.toggle}
          aria-expanded={asking}
          aria-label={`Ask for context from ${from.name}`}
        >
          Ask for context
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          loading={busy('dont-know')}
          disabled={answer.isPending}
          onClick={() => answer.mutate('dont-know')}
          title="Declines, and this member can never invite you again"
          aria-label={`I don’t know this person: ${from.name}`}
        >
          I don&rsquo;t know this person
        </Button>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconFlag size={14} aria-hidden />} onClick={report.open} aria-label={`Report ${from.name}`}>
          Report
        </Button>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconBan size={14} aria-hidden />} onClick={block.open} aria-label={`Block ${from.name}`}>
          Block
        </Button>
      </Group>
      <Stack gap="xs" pl={INDENT}>
        <ThreadMessages messages={invitation.thread} label={`Conversation with ${from.name}`} />
        {asking && (
          <ThreadComposer
            invitationId={invitation.id}
            label={
              <>
                Your question to <bdi>{first}</bdi>
              </>
            }
            description={
              <>
                <bdi>{first}</bdi> sees it with the invitation and can reply before you answer.
              </>
            }
            submitLabel="Send question"
            sentMessage={
              <>
                Question sent to <bdi>{from.name}</bdi>.
              </>
            }
            onSent={ask.close}
            onCancel={ask.close}
          />
        )}
      </Stack>
      <ReportDialog person={from} invitationId={invitation.id} opened={reporting} onClose={report.close} />
      <BlockDialog person={from} opened={blocking} onClose={block.close} />
    </Stack>
  );
}

/** Where the evidence starts open: on a wide screen it fits beside the rest; on a phone six invitations would be a long scroll. */
const WIDE = '(min-width: 48em)';

/**
 * The summary line, always shown, and the full evidence (note, shared facts, history, risk reasons) a tap
 * away: a disclosure button that says whether it is open and which region it controls.
 */
function EvidenceDisclosure({ invitation }: { invitation: InvitationView }) {
  const [open, setOpen] = useState(() => window.matchMedia(WIDE).matches);
  const screening = invitation.screening;
  if (!screening) return null;
  const regionId = `invitation-evidence-${invitation.id}`;
  return (
    <Stack gap={6}>
      <InvitationSummary evidence={screening.evidence}>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={regionId}
          aria-label={`Evidence about ${invitation.from.name}`}
          rightSection={<IconChevronDown size={14} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />}
        >
          Evidence
        </Button>
      </InvitationSummary>
      <Collapse in={open} id={regionId}>
        <InvitationEvidence invitation={invitation} />
      </Collapse>
    </Stack>
  );
}
