import { Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconChevronDown, IconFlag, IconMessageQuestion } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

const DONE = { accept: 'invitation.done.accept', ignore: 'invitation.done.ignore', 'dont-know': 'invitation.done.dontKnow' } as const;

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
  const { t } = useTranslation('network');
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
    success: (a) => <Trans t={t} i18nKey={DONE[a]} values={{ name: from.name }} components={{ bdi: <bdi /> }} />,
    onSaved: (a) => {
      onHold?.();
      setHeldHeight(cardRef.current?.getBoundingClientRect().height);
      setDone(a);
      confirm.close();
    },
  });
  const undo = useNetworkMutation(() => networkApi.undoDontKnow(invitation.id), {
    success: () => t('invitation.undone', { name: from.name }),
    onSaved: () => setDone(null),
  });
  const pending = answer.isPending;
  const first = firstName(from.name);
  // Sent from a comment: the post it was under, so the recipient remembers the conversation.
  const postAuthor = invitation.context === 'comment' ? invitation.comment?.postAuthor : null;
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
          <>
            <Text size="xs" c="dimmed">
              <TimeAgo iso={invitation.createdAt} prefix={t('invitation.invitedYou')} />
            </Text>
            {postAuthor && (
              <Text size="xs" c="dimmed">
                {postAuthor.handle === invitation.to.handle ? (
                  t('invitation.fromCommentOnYourPost')
                ) : (
                  <Trans t={t} i18nKey="invitation.fromComment" values={{ name: postAuthor.name }} components={{ bdi: <bdi /> }} />
                )}
              </Text>
            )}
          </>
        }
        actions={
          <>
            <Button
              ref={acceptRef}
              size="xs"
              {...pendingProps(pending)}
              {...{ [FIRST_ACTION]: true }}
              onClick={() => start('accept')}
              aria-label={t('invitation.acceptLabel', { name: from.name })}
            >
              {t('invitation.accept')}
            </Button>
            <Button
              size="xs"
              variant="default"
              {...pendingProps(pending)}
              onClick={() => start('ignore')}
              aria-label={t('invitation.ignoreLabel', { name: from.name })}
            >
              {t('invitation.ignore')}
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
      <Group gap="xs" wrap="wrap" pl={INDENT} role="group" aria-label={t('invitation.moreAnswers', { name: from.name })}>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconMessageQuestion size={14} aria-hidden />}
          onClick={ask.toggle}
          aria-expanded={asking}
          aria-label={t('invitation.askForContextLabel', { name: from.name })}
        >
          {t('invitation.askForContext')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          {...pendingProps(pending)}
          onClick={() => !pending && confirm.open()}
          aria-label={t('invitation.dontKnowLabel', { name: from.name })}
        >
          {t('invitation.dontKnow')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconFlag size={14} aria-hidden />}
          onClick={report.open}
          aria-label={t('invitation.reportLabel', { name: from.name })}
        >
          {t('invitation.report')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconBan size={14} aria-hidden />}
          onClick={block.open}
          aria-label={t('invitation.blockLabel', { name: from.name })}
        >
          {t('invitation.block')}
        </Button>
      </Group>
      <Stack gap="xs" pl={INDENT}>
        <ThreadMessages messages={invitation.thread} label={t('invitation.conversation', { name: from.name })} />
        {asking && (
          <ThreadComposer
            invitationId={invitation.id}
            label={<Trans t={t} i18nKey="invitation.question.label" values={{ name: first }} components={{ bdi: <bdi /> }} />}
            description={<Trans t={t} i18nKey="invitation.question.description" values={{ name: first }} components={{ bdi: <bdi /> }} />}
            submitLabel={t('invitation.question.submit')}
            sentMessage={<Trans t={t} i18nKey="invitation.question.sent" values={{ name: from.name }} components={{ bdi: <bdi /> }} />}
            onSent={ask.close}
            onCancel={ask.close}
          />
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('invitation.confirm.title', { name: from.name })}
        confirmLabel={t('invitation.confirm.action')}
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
        {t('invitation.confirm.body', { first, seconds: ANSWER_HOLD_MS / 1000 })}
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
  const { t } = useTranslation('network');
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
          aria-label={t('invitation.evidenceLabel', { name: invitation.from.name })}
          rightSection={<IconChevronDown size={14} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />}
        >
          {t('invitation.evidence')}
        </Button>
      </InvitationSummary>
      <Collapse in={open} id={regionId}>
        <InvitationEvidence invitation={invitation} />
      </Collapse>
    </Stack>
  );
}
