import { Button, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { LIMITS } from '../../../common/limits.ts';
import { FormError } from '../../components/FormError.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The fields that say what is logged (a kind, a side), first in the form. */
  children: ReactNode;
  date: string;
  onDate: (date: string) => void;
  note: string;
  onNote: (note: string) => void;
  labels: { date: string; note: string; submit: string };
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
}

/**
 * A dialog that logs something by hand on a relationship card (a meeting, a give or an ask): what it was,
 * then an optional date and note (kept on the card's timeline), and the submit button.
 */
export function DatedNoteDialog({ opened, onClose, title, children, date, onDate, note, onNote, labels, onSubmit, pending, error }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {children}
          <TextInput type="date" label={labels.date} value={date} onChange={(e) => onDate(e.currentTarget.value)} />
          <Textarea label={labels.note} value={note} onChange={(e) => onNote(e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.relationshipNoteMax} />
          <FormError error={error} />
          <Button type="submit" loading={pending}>
            {labels.submit}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
