import { Button, Divider, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMessageCircle, IconRepeat } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type PostView, postsApi } from '../../api/posts.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ReportDialog } from '../ReportDialog.tsx';
import { AuthorLine } from './AuthorLine.tsx';
import { CommentsSection } from './CommentsSection.tsx';
import { LinkPreviewCard } from './LinkPreviewCard.tsx';
import { PostImages } from './PostImages.tsx';
import { usePreviewArrival } from './usePreviewArrival.ts';
import { PostMenu } from './PostMenu.tsx';
import { patchPost } from './postCache.ts';
import { PostText } from './PostText.tsx';
import { ReactButton } from './ReactButton.tsx';
import { ReactionCounts } from './ReactionCounts.tsx';
import { RepostDialog } from './RepostDialog.tsx';
import { SocialProof } from './SocialProof.tsx';
import { TextEditor } from './TextEditor.tsx';
import { useRefreshPosts } from './usePostMutations.ts';

type Original = NonNullable<PostView['repostOf']>;

const BDI = { bdi: <bdi /> };

interface Props {
  post: PostView;
  /** Take focus when it first shows (the post the member just wrote). */
  focusOnMount?: boolean;
  /** After the post is deleted: the list moves focus somewhere that still exists. */
  onRemoved?: () => void;
  /** Show the comments from the start (the post's own page). */
  commentsOpen?: boolean;
}

/**
 * One post: its author, text with linked @mentions and #topics, the reposted original, reactions, comments
 * and reposts, and the actions the server's abilities allow (never worked out here).
 */
export function PostCard({ post, focusOnMount = false, onRemoved, commentsOpen = false }: Props) {
  const { t } = useTranslation(['feed', 'common']);
  const articleRef = useRef<HTMLElement>(null);
  const commentsId = useId();
  const [editing, setEditing] = useState(false);
  const [showComments, setShowComments] = useState(commentsOpen);
  const [deleting, deleteDialog] = useDisclosure(false);
  const [removed, setRemoved] = useState(false);
  const [reporting, reportDialog] = useDisclosure(false);
  const [reposting, repostDialog] = useDisclosure(false);
  const refresh = useRefreshPosts();
  const queryClient = useQueryClient();
  const name = post.author.name;
  const can = post.abilities;
  // A repost without words of its own shows the original alone, under a "reposted this" line.
  const isRepost = post.repostOf !== undefined;
  const bareRepost = isRepost && !post.text.trim();
  usePreviewArrival(post);

  useEffect(() => {
    if (focusOnMount) articleRef.current?.focus();
  }, [focusOnMount]);

  const edit = useMutation({
    mutationFn: (text: string) => postsApi.edit(post.id, text),
    onSuccess: (saved) => {
      // The server's post as it is now (mentions and topics read again, marked edited), wherever it is cached.
      queryClient.setQueriesData({ queryKey: keys.posts }, (data: unknown) =>
        patchPost(data, post.id, (p) => ({ ...p, text: saved.text, editedAt: saved.editedAt, mentions: saved.mentions, topics: saved.topics, linkPreview: saved.linkPreview })),
      );
      notifications.show({ color: 'teal', message: t('post.saved') });
      setEditing(false);
      articleRef.current?.focus();
    },
  });
  const remove = useMutation({
    mutationFn: () => postsApi.remove(post.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('post.deleted') });
      setRemoved(true);
      deleteDialog.close();
      onRemoved?.();
      await refresh();
    },
    onError: (error) => notifications.show({ color: 'red', title: t('common:notify.failed'), message: errorMessage(error) }),
  });

  return (
    <Paper
      component="article"
      ref={articleRef as RefObject<HTMLDivElement>}
      tabIndex={-1}
      aria-label={t('post.label', { name })}
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
    >
      <Stack gap="sm">
        {bareRepost && (
          <Text size="xs" c="dimmed">
            <Trans t={t} i18nKey="post.reposted" values={{ name }} components={BDI} />
          </Text>
        )}
        <AuthorLine
          author={post.author}
          createdAt={post.createdAt}
          editedAt={post.editedAt}
          visibility={post.visibility}
          actions={
            <PostMenu
              label={t('post.more', { name })}
              can={can}
              words={{ edit: t('post.edit'), delete: t('post.delete'), report: t('post.report') }}
              onEdit={() => setEditing(true)}
              onDelete={deleteDialog.open}
              onReport={reportDialog.open}
            />
          }
        />
        {editing ? (
          <TextEditor
            label={t('post.editLabel')}
            initial={post.text}
            max={LIMITS.postMax}
            saving={edit.isPending}
            error={edit.error}
            submitLabel={t('post.save')}
            onSave={(text) => edit.mutate(text)}
            onCancel={() => {
              edit.reset();
              setEditing(false);
              articleRef.current?.focus();
            }}
          />
        ) : (
          post.text.trim() && <PostText text={post.text} mentions={post.mentions} />
        )}
        {post.images && <PostImages images={post.images} authorName={name} />}
        {post.linkPreview && <LinkPreviewCard preview={post.linkPreview} />}
        {isRepost && <OriginalPost original={post.repostOf ?? null} />}
        {post.socialProof && <SocialProof proof={post.socialProof} />}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <ReactionCounts summary={post.reactions} target={{ type: 'post', id: post.id }} />
          <Group gap="sm" ml="auto">
            {post.commentCount > 0 && (
              <UnstyledButton
                onClick={() => setShowComments((v) => !v)}
                aria-expanded={showComments}
                aria-controls={commentsId}
                style={{ minHeight: 24, borderRadius: 4 }}
              >
                <Text size="sm" c="dimmed" component="span">
                  {t('post.comments', { count: post.commentCount })}
                </Text>
              </UnstyledButton>
            )}
            {post.repostCount > 0 && (
              <Text size="sm" c="dimmed">
                {t('post.reposts', { count: post.repostCount })}
              </Text>
            )}
          </Group>
        </Group>
        <Divider />
        <Group gap={4} wrap="wrap">
          {can.canReact && <ReactButton target={{ type: 'post', id: post.id }} summary={post.reactions} authorName={name} />}
          {(can.canComment || post.commentCount > 0) && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconMessageCircle size={16} aria-hidden />}
              aria-expanded={showComments}
              aria-controls={commentsId}
              aria-label={t('post.commentLabel', { name })}
              onClick={() => setShowComments((v) => !v)}
            >
              {t('post.comment')}
            </Button>
          )}
          {can.canRepost && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconRepeat size={16} aria-hidden />}
              aria-label={t('repost.actionLabel', { name })}
              onClick={repostDialog.open}
            >
              {t('repost.action')}
            </Button>
          )}
        </Group>
        <div id={commentsId}>{showComments && <CommentsSection post={post} />}</div>
      </Stack>
      <ConfirmDialog
        opened={deleting}
        title={t('post.deleteTitle')}
        confirmLabel={t('post.delete')}
        danger
        // Once deleted, the menu that opened it is gone: onRemoved moves focus instead. Cancel returns it there.
        returnFocus={!removed}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={deleteDialog.close}
      >
        {t('post.deleteBody')}
      </ConfirmDialog>
      {reporting && <ReportDialog person={post.author} content={{ kind: 'post', id: post.id }} opened onClose={reportDialog.close} />}
      {reposting && <RepostDialog post={post} onClose={repostDialog.close} />}
    </Paper>
  );
}

/** The post a repost shares, drawn inside it; or a line saying it is gone (deleted, or hidden from the viewer). */
function OriginalPost({ original }: { original: Original | null }) {
  const { t } = useTranslation('feed');
  if (!original) {
    return (
      <Paper p="sm" radius="md" bg="var(--mantine-color-gray-0)">
        <Text size="sm" c="dimmed">
          {t('post.unavailable')}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper component="article" aria-label={t('post.original', { name: original.author.name })} p="sm" radius="md">
      <Stack gap="xs">
        <AuthorLine author={original.author} createdAt={original.createdAt} editedAt={original.editedAt} visibility={original.visibility} compact />
        <PostText text={original.text} mentions={original.mentions} />
        {original.images && <PostImages images={original.images} authorName={original.author.name} />}
        {original.linkPreview && <LinkPreviewCard preview={original.linkPreview} />}
      </Stack>
    </Paper>
  );
}
