import { Button, Group, Text } from '@mantine/core';
import { forwardRef } from 'react';
import type { InvitationAnswer } from '../../api/network.ts';
import { ANSWER_HOLD_MS } from './answeredInvitations.ts';

export type Answer = Exclude<InvitationAnswer, 'withdraw'>;

const SUMMARY: Record<Answer, (name: string) => string> = {
  accept: (name) => `Connected with ${name}.`,
  ignore: (name) => `Ignored ${name}’s invitation. They are not told.`,
  'dont-know': (name) => `Declined: ${name} cannot invite you again.`,
};

interface Props {
  name: string;
  answer: Answer;
  /** Only "I don't know this person" can be taken back, for ANSWER_HOLD_MS. */
  onUndo: () => void;
  undoing: boolean;
  undoRef: React.Ref<HTMLButtonElement>;
}

/**
 * An answered invitation, kept where its card was as one line for a few seconds: what happened and,
 * after "I don't know this person", Undo. The summary takes focus when nothing is left to answer, so a
 * keyboard user is never dropped onto the page body.
 */
export const AnsweredInvitation = forwardRef<HTMLParagraphElement, Props>(function AnsweredInvitation({ name, answer, onUndo, undoing, undoRef }, summaryRef) {
  return (
    <Group gap="sm" py="sm" wrap="wrap" justify="space-between">
      <Text ref={summaryRef} size="sm" tabIndex={-1}>
        {SUMMARY[answer](name)}
        {answer === 'dont-know' && ` You can undo this for ${ANSWER_HOLD_MS / 1000} seconds.`}
      </Text>
      {answer === 'dont-know' && (
        <Button
          ref={undoRef}
          size="xs"
          variant="default"
          // Disabled in look and to assistive technology only: a disabled button would drop keyboard focus.
          data-disabled={undoing || undefined}
          aria-disabled={undoing || undefined}
          onClick={() => !undoing && onUndo()}
          aria-label={`Undo “I don’t know this person” for ${name}`}
        >
          Undo
        </Button>
      )}
    </Group>
  );
});
