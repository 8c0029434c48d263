import { Textarea, VisuallyHidden } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTextProblemWords } from '../../hooks/textCheck.ts';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  error?: string | null;
  placeholder?: string;
  minRows?: number;
  /** Focused when it appears (a reply box, an editor): the member opened it to type. */
  autoFocus?: boolean;
  /** Visually hidden label (a comment box under its post): screen readers still hear it. */
  hideLabel?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The text box of posts and comments: grows with the text and counts characters against the limit as
 * the member types. It does not cut at the limit: a pasted text over it says by how much instead.
 */
export function PostTextarea({ label, value, onChange, max, error, placeholder, minRows = 2, autoFocus, hideLabel, inputRef }: Props) {
  const { t } = useTranslation('feed');
  const over = value.length > max;
  return (
    <Textarea
      ref={inputRef}
      label={hideLabel ? <VisuallyHidden>{label}</VisuallyHidden> : label}
      placeholder={placeholder}
      description={t('composer.count', { length: value.length, max })}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onFocus={loadTextProblemWords}
      error={error ?? (over ? t('composer.tooLong', { count: value.length - max }) : null)}
      autosize
      minRows={minRows}
      maxRows={12}
      dir="auto"
      data-autofocus={autoFocus || undefined}
      autoFocus={autoFocus}
    />
  );
}
