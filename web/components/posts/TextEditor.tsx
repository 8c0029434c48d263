import { Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { freeTextError } from '../../hooks/textCheck.ts';
import { FormError } from '../FormError.tsx';
import { PostTextarea } from './PostTextarea.tsx';

interface Props {
  label: string;
  initial: string;
  max: number;
  saving: boolean;
  error: unknown;
  submitLabel: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Editing a post or comment in place: the text box takes focus, Escape or Cancel leaves it unchanged. */
export function TextEditor({ label, initial, max, saving, error, submitLabel, onSave, onCancel }: Props) {
  const { t } = useTranslation(['feed', 'common']);
  const [text, setText] = useState(initial);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = freeTextError(text, max, t('composer.empty'));
    setFieldError(problem);
    if (!problem) onSave(text.trim());
  };
  return (
    <form onSubmit={submit} noValidate onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <Stack gap="xs">
        <PostTextarea label={label} value={text} onChange={(v) => { setText(v); setFieldError(null); }} max={max} error={fieldError} autoFocus minRows={3} />
        <FormError error={error} />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button size="xs" type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
