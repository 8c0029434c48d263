import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { type PostVisibility, postsApi } from '../../api/posts.ts';
import { freeTextError } from '../../hooks/textCheck.ts';
import { FormError } from '../FormError.tsx';
import { useImagePicks } from '../images/useImagePicks.ts';
import { ImagePicker } from './ImagePicker.tsx';
import { PostTextarea } from './PostTextarea.tsx';
import { VisibilitySelect } from './VisibilitySelect.tsx';
import { useRefreshPosts } from './usePostMutations.ts';

interface Props {
  /** Text to start from: a topic page starts with its #topic. */
  initialText?: string;
  /** After the server has the post, with its id: the list shows it and moves focus to it. */
  onPosted?: (id: number) => void;
}

/**
 * "Start a post": the text with a live count against the limit, who can see it, and Post. Refusals come
 * before the round trip where the rule is known here (empty, too long, a direction override); the
 * server's own refusals show under the form.
 */
export function PostComposer({ initialText = '', onPosted }: Props) {
  const { t } = useTranslation('feed');
  const headingId = useId();
  const [text, setText] = useState(initialText);
  const [visibility, setVisibility] = useState<PostVisibility>('members');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [imagesError, setImagesError] = useState<string | null>(null);
  const picks = useImagePicks(t('composer.images.tooLarge', { megabytes: LIMITS.imageBytesMax / 1024 / 1024 }));
  const refresh = useRefreshPosts();
  const send = useMutation({
    mutationFn: () => {
      const images = picks.attachments();
      return postsApi.create({ text: text.trim(), visibility, ...(images.length ? { images } : {}) });
    },
    onSuccess: async ({ id }) => {
      setText(initialText);
      picks.clear();
      notifications.show({ color: 'teal', message: t('composer.posted') });
      await refresh();
      onPosted?.(id);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = freeTextError(text, LIMITS.postMax, t('composer.empty'));
    setFieldError(problem);
    const waiting = picks.ready ? null : t('composer.images.waiting');
    setImagesError(waiting);
    if (!problem && !waiting) send.mutate();
  };
  return (
    <Paper component="section" aria-labelledby={headingId} p={{ base: 'sm', sm: 'md' }} radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4" id={headingId}>
            {t('composer.title')}
          </Title>
          <PostTextarea
            label={t('composer.label')}
            placeholder={t('composer.placeholder')}
            value={text}
            onChange={(v) => {
              setText(v);
              setFieldError(null);
            }}
            max={LIMITS.postMax}
            error={fieldError}
            minRows={3}
          />
          <ImagePicker picks={picks} />
          {imagesError && !picks.ready && (
            <Text size="sm" c="red.8" role="alert">
              {imagesError}
            </Text>
          )}
          <Group align="flex-end" justify="space-between" gap="sm" wrap="wrap">
            <VisibilitySelect value={visibility} onChange={setVisibility} />
            <Button type="submit" loading={send.isPending}>
              {t('composer.submit')}
            </Button>
          </Group>
          <FormError error={send.error} />
        </Stack>
      </form>
    </Paper>
  );
}
