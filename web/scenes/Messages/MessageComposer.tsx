import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { IconLink, IconSend, IconX } from '@tabler/icons-react';
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import type { MessageDraft } from '../../api/messages.ts';
import { FormError } from '../../components/FormError.tsx';
import { useImagePicks } from '../../components/images/useImagePicks.ts';
import { freeTextError, loadTextProblemWords } from '../../hooks/textCheck.ts';
import { safeHref } from './linkify.ts';
import { AttachImageButton, MessageImageCard, useTooLargeWords } from './MessageImage.tsx';

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
 * Writing a message: the text (counted against the limit as it is typed), an optional link, an optional
 * image (uploaded as soon as it is picked, sent only with its alt text), and Send. Enter sends and
 * Shift+Enter starts a new line (the hint says so), except while an input method is composing.
 */
export function MessageComposer({ onSend, sending, error, autoFocus, children, check }: Props) {
  const { t } = useTranslation('messages');
  const [text, setText] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const picks = useImagePicks(useTooLargeWords(), 1);
  const image = picks.images[0] ?? null;
  const [imageError, setImageError] = useState<string | null>(null);
  const [altError, setAltError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const attach = useRef<HTMLButtonElement>(null);
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
    const waiting = image && image.status !== 'uploaded' ? t('composer.image.waiting') : null;
    const alt = image?.alt.trim() ?? '';
    const noAlt = image && !waiting && alt === '' ? t('composer.image.altMissing') : null;
    setTextError(problem);
    setLinkError(badLink);
    setImageError(waiting);
    setAltError(noAlt);
    if (!ready || problem || badLink || waiting || noAlt || sending) return;
    const attached = image?.id ? { imageId: image.id, imageAlt: alt } : {};
    onSend({ text: text.trim(), ...(url ? { link: url } : {}), ...attached }, () => {
      setText('');
      setLink(null);
      picks.clear();
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
        {image && (
          <MessageImageCard
            image={image}
            altError={altError}
            onAlt={(alt) => {
              picks.setAlt(image.key, alt);
              setAltError(null);
            }}
            onRemove={() => {
              picks.remove(image.key);
              setImageError(null);
              setAltError(null);
              // The card and its button go: focus returns to where another image can be picked.
              requestAnimationFrame(() => attach.current?.focus());
            }}
          />
        )}
        {imageError && image && image.status !== 'uploaded' && (
          <Text size="sm" c="red.8" role="alert">
            {imageError}
          </Text>
        )}
        <FormError error={error} />
        <Group justify="space-between" gap="xs">
          <Group gap={0}>
            {link === null && (
              <Button variant="subtle" size="sm" leftSection={<IconLink size={16} aria-hidden />} onClick={() => setLink('')}>
                {t('composer.addLink')}
              </Button>
            )}
            {!image && <AttachImageButton onPick={picks.add} buttonRef={attach} />}
          </Group>
          <Button type="submit" loading={sending} rightSection={<IconSend size={16} aria-hidden />}>
            {t('composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
