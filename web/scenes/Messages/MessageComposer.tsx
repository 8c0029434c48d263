import { ActionIcon, Button, Group, Stack, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { IconLink, IconSend, IconX } from '@tabler/icons-react';
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import type { MessageDraft } from '../../api/messages.ts';
import { FormError } from '../../components/FormError.tsx';
import { freeTextError, loadTextProblemWords } from '../../hooks/textCheck.ts';
import { safeHref } from './linkify.ts';

interface Props {
  /** Sends the draft; `sent` empties the composer and gives it focus again. */
  onSend: (draft: MessageDraft, sent: () => void) => void;
  sending: boolean;
  error: unknown;
  autoFocus?: boolean;
  /** Fields before the text (the recipients of a new message); `check` says whether they are ready to send. */
  children?: ReactNode;
  check?: () => boolean;
}

/**
 * Writing a message: the text (counted against the limit as it is typed), an optional link, and Send. Enter
 * sends and Shift+Enter starts a new line (the hint says so), except while an input method is composing.
 */
export function MessageComposer({ onSend, sending, error, autoFocus, children, check }: Props) {
  const { t } = useTranslation('messages');
  const [text, setText] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const over = text.length - LIMITS.messageMax;
  // Also when asked after mounting: accepting a request shows the reply box, then asks for it.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ready = check ? check() : true;
    const problem = over > 0 ? t('composer.tooLong', { count: over }) : freeTextError(text, LIMITS.messageMax, t('composer.empty'));
    const url = link?.trim() ?? '';
    const badLink = url !== '' && safeHref(url) === null ? t('composer.linkInvalid') : null;
    setTextError(problem);
    setLinkError(badLink);
    if (!ready || problem || badLink || sending) return;
    onSend({ text: text.trim(), ...(url ? { link: url } : {}) }, () => {
      setText('');
      setLink(null);
      input.current?.focus();
    });
  };
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="xs">
        {children}
        <Textarea
          ref={input}
          label={children ? t('composer.label') : <VisuallyHidden>{t('composer.label')}</VisuallyHidden>}
          placeholder={t('composer.placeholder')}
          description={t('composer.count', { length: text.length, max: LIMITS.messageMax })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setTextError(null);
          }}
          onKeyDown={keyDown}
          onFocus={loadTextProblemWords}
          error={textError ?? (over > 0 ? t('composer.tooLong', { count: over }) : null)}
          autosize
          minRows={2}
          maxRows={10}
          dir="auto"
        />
        {link !== null && (
          <TextInput
            type="url"
            label={t('composer.linkLabel')}
            placeholder="https://"
            value={link}
            onChange={(e) => {
              setLink(e.currentTarget.value);
              setLinkError(null);
            }}
            error={linkError}
            maxLength={LIMITS.urlMax}
            autoFocus
            rightSection={
              <ActionIcon variant="subtle" color="gray" onClick={() => setLink(null)} aria-label={t('composer.removeLink')}>
                <IconX size={16} aria-hidden />
              </ActionIcon>
            }
          />
        )}
        <FormError error={error} />
        <Group justify="space-between" gap="xs">
          {link === null ? (
            <Button variant="subtle" size="sm" leftSection={<IconLink size={16} aria-hidden />} onClick={() => setLink('')}>
              {t('composer.addLink')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={sending} rightSection={<IconSend size={16} aria-hidden />}>
            {t('composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
