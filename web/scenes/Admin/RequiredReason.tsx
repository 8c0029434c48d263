import { Textarea } from '@mantine/core';
import { useState } from 'react';

/** The reason an operator must give for an action: its text, and whether to say it is missing yet. */
export interface RequiredReason {
  value: string;
  /** Nothing but spaces: the action cannot go ahead. */
  missing: boolean;
  /** Whether the field was left or a submit tried, after which a missing reason is pointed out. */
  touched: boolean;
  set: (value: string) => void;
  touch: () => void;
  reset: () => void;
}

export function useRequiredReason(): RequiredReason {
  const [value, set] = useState('');
  const [touched, setTouched] = useState(false);
  return {
    value,
    missing: value.trim() === '',
    touched,
    set,
    touch: () => setTouched(true),
    reset: () => {
      set('');
      setTouched(false);
    },
  };
}

/**
 * The moderation dialogs' reason box, focused when the dialog opens: it goes to the audit log, and to the
 * member when `description` says so. Up to 2,000 characters, as the API accepts.
 */
export function RequiredReasonField({ reason, label, description, missingText }: { reason: RequiredReason; label: string; description: string; missingText: string }) {
  return (
    <Textarea
      label={label}
      description={description}
      required
      data-autofocus
      value={reason.value}
      onChange={(e) => reason.set(e.currentTarget.value)}
      onBlur={reason.touch}
      error={reason.touched && reason.missing ? missingText : undefined}
      maxLength={2000}
      autosize
      minRows={2}
    />
  );
}
