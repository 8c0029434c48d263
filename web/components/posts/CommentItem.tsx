import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCornerDownRight, IconRss, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Ref, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import { type CommentView, postsApi } from '../../api/posts.ts';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ConnectDialog } from '../ConnectDialog.tsx';
import { ReportDialog } from '../ReportDialog.tsx';
import { AuthorLine, DeletedAuthorLine } from './AuthorLine.tsx';
import { patchComment } from './postCache.ts';
import { PostMenu } from './PostMenu.tsx';
import { PostText } from './PostText.tsx';
import { ReactButton } from './ReactButton.tsx';
import { ReactionCounts } from './ReactionCounts.tsx';
import { TextEditor } from './TextEditor.tsx';

const BDI = { bdi: <bdi /> };

interface Props {
  comment: CommentView;
  onReply: () => void;
  replyButtonRef?: Ref<HTMLButtonElement>;
  /** After it is deleted: focus goes where the thread says. */
  onRemoved: () => void;
}

/**
 * One comment or reply. Besides reacting and replying, engagement can become a relationship here: Connect
 * (the invitation records this comment as where the two met) and Follow, each in one click, as the
 * server's abilities allow. A tombstone (its author deleted their account) shows "Deleted member" and that the
 * comment went with the account, so the replies under it still read; the post's author may still remove it.
 */
export function CommentItem({ comment, onReply, replyButtonRef, onRemoved }: Props) {
  const { t } = useTranslation(['feed', 'common', 'people']);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, deleteDialog] = useDisclosure(false);
  const [removed, setRemoved] = useState(false);
  const [reporting, reportDialog] = useDisclosure(false);
  const [connecting, connectDialog] = useDisclosure(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const author = comment.author;
  const name = author?.name ?? t('comments.tombstone.author');
  const can = comment.abilities;

  const edit = useMutation({
    mutationFn: (text: string) => postsApi.editComment(comment.id, text),
    onSuccess: (saved) => {
      queryClient.setQueriesData({ queryKey: keys.comments(comment.postId) }, (data: unknown) => patchComment(data, comment.id, () => saved));
      notifications.show({ color: 'teal', message: t('comments.saved') });
      setEditing(false);
      bodyRef.current?.focus();
    },
  });
  const remove = useMutation({
    mutationFn: () => postsApi.removeComment(comment.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('comments.deleted') });
      setRemoved(true);
      deleteDialog.close();
      onRemoved();
      // The post's comment count changes too (by the replies that went with it): every list refetches.
      await queryClient.invalidateQueries({ queryKey: keys.posts });
    },
    onError: (error) => notifications.show({ color: 'red', title: t('common:notify.failed'), message: errorMessage(error) }),
  });
  const follow = useNetworkMutation(() => networkApi.follow(author!.handle), {
    success: () => <Trans t={t} i18nKey="comments.followed" values={{ name }} components={BDI} />,
  });
  const menu = (
    <PostMenu
      label={t('comments.more', { name })}
      can={can}
      words={{ edit: t('comments.edit'), delete: t('comments.delete'), report: t('comments.report') }}
      onEdit={() => setEditing(true)}
      onDelete={deleteDialog.open}
      onReport={reportDialog.open}
    />
  );

  return (
    <Stack gap={6} ref={bodyRef} tabIndex={-1} aria-label={t('comments.by', { name })} role="article">
      {author ? (
        <AuthorLine author={author} createdAt={comment.createdAt} editedAt={comment.editedAt} compact actions={menu} />
      ) : (
        <DeletedAuthorLine createdAt={comment.createdAt} actions={menu} />
      )}
      <Stack gap={6} pl={{ base: 0, sm: 46 }}>
        {!author ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('comments.tombstone.text')}
          </Text>
        ) : editing ? (
          <TextEditor
            label={t('comments.editLabel')}
            initial={comment.text}
            max={LIMITS.commentMax}
            saving={edit.isPending}
            error={edit.error}
            submitLabel={t('post.save')}
            onSave={(text) => edit.mutate(text)}
            onCancel={() => {
              edit.reset();
              setEditing(false);
              bodyRef.current?.focus();
            }}
          />
        ) : (
          <PostText text={comment.text} mentions={comment.mentions} />
        )}
        <Group gap={4} wrap="wrap">
          {can.canReact && <ReactButton target={{ type: 'comment', id: comment.id }} summary={comment.reactions} authorName={name} size="compact-sm" />}
          <ReactionCounts summary={comment.reactions} target={{ type: 'comment', id: comment.id }} />
          {can.canComment && (
            <Button
              ref={replyButtonRef}
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconCornerDownRight size={14} aria-hidden />}
              aria-label={t('comments.replyLabel', { name })}
              onClick={onReply}
            >
              {t('comments.reply')}
            </Button>
          )}
          {can.canConnect && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconUserPlus size={14} aria-hidden />}
              aria-label={t('comments.connectLabel', { name })}
              onClick={connectDialog.open}
            >
              {t('people:connect.action')}
            </Button>
          )}
          {can.canFollow && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconRss size={14} aria-hidden />}
              aria-label={t('comments.followLabel', { name })}
              loading={follow.isPending}
              onClick={() => follow.mutate(undefined)}
            >
              {t('comments.follow')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={deleting}
        title={t('comments.deleteTitle')}
        confirmLabel={t('comments.delete')}
        danger
        // Once deleted, the menu that opened it is gone: onRemoved moves focus instead. Cancel returns it there.
        returnFocus={!removed}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={deleteDialog.close}
      >
        {t('comments.deleteBody')}
      </ConfirmDialog>
      {reporting && author && <ReportDialog person={author} content={{ kind: 'comment', id: comment.id }} opened onClose={reportDialog.close} />}
      {can.canConnect && author && <ConnectDialog person={author} context={{ commentId: comment.id }} opened={connecting} onClose={connectDialog.close} />}
    </Stack>
  );
}
