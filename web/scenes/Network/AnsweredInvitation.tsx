import { Button, Group, Text } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationAnswer } from '../../api/network.ts';
import { ANSWER_HOLD_MS } from './answeredInvitations.ts';

export type Answer = Exclude<InvitationAnswer, 'withdraw'>;

const SUMMARY = { accept: 'answered.accept', ignore: 'answered.ignore', 'dont-know': 'answered.dontKnow' } as const;

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
  const { t } = useTranslation('network');
  return (
    <Group gap="sm" py="sm" wrap="wrap" justify="space-between">
      <Text ref={summaryRef} size="sm" tabIndex={-1}>
        {t(SUMMARY[answer], { name, seconds: ANSWER_HOLD_MS / 1000 })}
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
          aria-label={t('answered.undoLabel', { name })}
        >
          {t('answered.undo')}
        </Button>
      )}
    </Group>
  );
});
