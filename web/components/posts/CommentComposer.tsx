import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { keys } from '../../api/keys.ts';
import { postsApi } from '../../api/posts.ts';
import { freeTextError } from '../../hooks/textCheck.ts';
import { FormError } from '../FormError.tsx';
import { patchPost } from './postCache.ts';
import { PostTextarea } from './PostTextarea.tsx';

interface Props {
  postId: number;
  /** A reply: the top-level comment it answers (one level of replies). */
  parentId?: number;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  /** After it is sent; a reply box closes. The comment box under a post stays, empty and focused. */
  onSent?: () => void;
}

/** Writing a comment or a reply; the thread refetches and the post's count goes up once the server has it. */
export function CommentComposer({ postId, parentId, label, submitLabel, autoFocus, onSent }: Props) {
  const { t } = useTranslation('feed');
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const send = useMutation({
    mutationFn: (value: string) => postsApi.addComment(postId, value, parentId),
    onSuccess: async () => {
      setText('');
      queryClient.setQueriesData({ queryKey: keys.posts }, (data: unknown) =>
        patchPost(data, postId, (post) => ({ ...post, commentCount: post.commentCount + 1 })),
      );
      await queryClient.invalidateQueries({ queryKey: keys.comments(postId) });
      if (onSent) onSent();
      else inputRef.current?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = freeTextError(text, LIMITS.commentMax, t('composer.empty'));
    setFieldError(problem);
    if (!problem) send.mutate(text.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <PostTextarea
          inputRef={inputRef}
          label={label}
          placeholder={t('comments.placeholder')}
          value={text}
          onChange={(v) => {
            setText(v);
            setFieldError(null);
          }}
          max={LIMITS.commentMax}
          error={fieldError}
          autoFocus={autoFocus}
          minRows={1}
        />
        <FormError error={send.error} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={send.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
