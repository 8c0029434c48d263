import { Button, Group, Modal, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { type PostView, type PostVisibility, postsApi } from '../../api/posts.ts';
import { freeTextError } from '../../hooks/textCheck.ts';
import { FormError } from '../FormError.tsx';
import { AuthorLine } from './AuthorLine.tsx';
import { PostText } from './PostText.tsx';
import { PostTextarea } from './PostTextarea.tsx';
import { VisibilitySelect } from './VisibilitySelect.tsx';
import { useRefreshPosts } from './usePostMutations.ts';

/**
 * Reposting with an optional comment. A repost of a repost without words of its own shares the original,
 * so the chain never nests.
 */
export function RepostDialog({ post, onClose }: { post: PostView; onClose: () => void }) {
  const { t } = useTranslation(['feed', 'common']);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<PostVisibility>('members');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const refresh = useRefreshPosts();
  const shared = post.repostOf && !post.text.trim() ? post.repostOf : post;
  const send = useMutation({
    mutationFn: () => postsApi.create({ text: text.trim(), visibility, repostOf: shared.id }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('repost.done') });
      onClose();
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The words are optional here: only their length and characters are checked.
    const problem = freeTextError(text, LIMITS.postMax);
    setFieldError(problem);
    if (!problem) send.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('repost.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PostTextarea label={t('repost.thoughts')} value={text} onChange={(v) => { setText(v); setFieldError(null); }} max={LIMITS.postMax} error={fieldError} autoFocus />
          <Paper p="sm" radius="md">
            <Stack gap="xs">
              <AuthorLine author={shared.author} createdAt={shared.createdAt} editedAt={shared.editedAt} visibility={shared.visibility} compact />
              <PostText text={shared.text} mentions={shared.mentions} />
            </Stack>
          </Paper>
          <VisibilitySelect value={visibility} onChange={setVisibility} />
          <FormError error={send.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('repost.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
