import { Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconChevronDown, IconFlag, IconMessageQuestion } from '@tabler/icons-react';
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { networkApi } from '../../api/network.ts';
import type { InvitationView } from '../../api/types.ts';
import { BlockDialog } from '../../components/BlockDialog.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ThreadComposer, ThreadMessages } from '../../components/InvitationThread.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { ReportDialog } from '../../components/ReportDialog.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { type Answer, AnsweredInvitation } from './AnsweredInvitation.tsx';
import { ANSWER_HOLD_MS, FIRST_ACTION, INVITATION_ID } from './answeredInvitations.ts';
import { firstName } from './evidenceText.ts';
import { InvitationEvidence } from './InvitationEvidence.tsx';
import { InvitationSummary } from './InvitationSummary.tsx';

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

/** Disabled in look and to assistive technology while an answer is saving; a disabled button would drop keyboard focus. */
const pendingProps = (pending: boolean) => ({ 'data-disabled': pending || undefined, 'aria-disabled': pending || undefined });

interface Props {
  invitation: InvitationView;
  /** The server saved an answer: the list keeps this card in place until onRelease. */
  onHold?: () => void;
  /** The answer's moment has passed (ANSWER_HOLD_MS): the card may leave the list. */
  onRelease?: (id: number) => void;
  /** Moves focus to the nearest invitation still waiting for an answer; false when none is left. */
  focusNext?: (fromId: number) => boolean;
}

/**
 * One received invitation: who, the evidence behind it and the rule that placed it, the answers
 * (accept, ignore, "I don't know this person", which asks first and can be undone for a few seconds),
 * and the ways to push back: ask for context, report, block. Once answered it stays in place as one line.
 */
export function ReceivedInvitationCard({ invitation, onHold, onRelease, focusNext }: Props) {
  const { from } = invitation;
  const [asking, ask] = useDisclosure(false);
  const [reporting, report] = useDisclosure(false);
  const [blocking, block] = useDisclosure(false);
  const [confirming, confirm] = useDisclosure(false);
  const [done, setDone] = useState<Answer | null>(null);
  // The answered card keeps its height while held, so nothing below it moves under the pointer.
  const cardRef = useRef<HTMLDivElement>(null);
  const [heldHeight, setHeldHeight] = useState<number | undefined>(undefined);
  const answer = useNetworkMutation((a: Answer) => networkApi.answer(invitation.id, a), {
    success: (a) => DONE[a](from.name),
    onSaved: (a) => {
      onHold?.();
      setHeldHeight(cardRef.current?.getBoundingClientRect().height);
      setDone(a);
      confirm.close();
    },
  });
  const undo = useNetworkMutation(() => networkApi.undoDontKnow(invitation.id), {
    success: () => `The invitation from ${from.name} is back in your list.`,
    onSaved: () => setDone(null),
  });
  const pending = answer.isPending;
  const first = firstName(from.name);
  const start = (a: Answer) => !pending && answer.mutate(a);

  // The hold: after ANSWER_HOLD_MS the answered card may leave (Undo is then no longer offered).
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => onRelease?.(invitation.id), ANSWER_HOLD_MS);
    return () => clearTimeout(timer);
  }, [done, invitation.id, onRelease]);

  // Keyboard focus follows the answer instead of falling to the page body with the button that had it.
  const acceptRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const previous = useRef<Answer | null>(null);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = done;
    if (done === 'dont-know') undoRef.current?.focus();
    else if (done) {
      if (!focusNext?.(invitation.id)) summaryRef.current?.focus();
    } else if (before === 'dont-know') acceptRef.current?.focus();
  }, [done, focusNext, invitation.id]);

  if (done) {
    return (
      <div {...{ [INVITATION_ID]: invitation.id }} style={{ minHeight: heldHeight }}>
        <AnsweredInvitation
          ref={summaryRef}
          undoRef={undoRef}
          name={from.name}
          answer={done}
          undoing={undo.isPending}
          // The list keeps holding the card; the refetched list has it again, so nothing moves.
          onUndo={() => undo.mutate(undefined)}
        />
      </div>
    );
  }

  return (
    <Stack ref={cardRef} gap="xs" pb="sm" {...{ [INVITATION_ID]: invitation.id }}>
      <PersonCardItem
        person={from}
        extra={
          <Text size="xs" c="dimmed">
            <TimeAgo iso={invitation.createdAt} prefix="Invited you " />
          </Text>
        }
        actions={
          <>
            <Button
              ref={acceptRef}
              size="xs"
              {...pendingProps(pending)}
              {...{ [FIRST_ACTION]: true }}
              onClick={() => start('accept')}
              aria-label={`Accept invitation from ${from.name}`}
            >
              Accept
            </Button>
            <Button size="xs" variant="default" {...pendingProps(pending)} onClick={() => start('ignore')} aria-label={`Ignore invitation from ${from.name}`}>
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
          {...pendingProps(pending)}
          onClick={() => !pending && confirm.open()}
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
      <ConfirmDialog
        opened={confirming}
        title={`You don’t know ${from.name}?`}
        confirmLabel="Decline: I don’t know them"
        danger
        loading={pending}
        onConfirm={() =>
          answer.mutate('dont-know', {
            // On success the card turns into its one-line summary, taking this dialog with it.
            onError: confirm.close,
          })
        }
        onClose={confirm.close}
      >
        This declines the invitation, and {first} can never invite you again. It also counts against {first}’s reputation: fewer
        invitations for them each week, and a higher risk score on the invitations they send others. You can undo it for{' '}
        {ANSWER_HOLD_MS / 1000} seconds.
      </ConfirmDialog>
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
