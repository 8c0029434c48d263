import { Anchor, Paper, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type ConversationSummary, type MessageDraft, messagesApi } from '../../api/messages.ts';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { MessageComposer } from './MessageComposer.tsx';
import classes from './Messages.module.css';
import { MessageThread } from './MessageThread.tsx';
import { folderQuery, useFolder } from './paths.ts';
import { RequestPanel } from './RequestPanel.tsx';
import { useConversationAction } from './useConversationActions.ts';
import { useNames } from './useNames.ts';

/** /messages/:id: one conversation, read as soon as it is shown. */
export function ConversationPane() {
  const { t } = useTranslation('messages');
  const id = Number(useParams().id);
  const folder = useFolder();
  const valid = Number.isSafeInteger(id) && id > 0;
  const query = useQuery({ queryKey: keys.conversation(id), queryFn: () => messagesApi.get(id), enabled: valid });
  const back = `/messages${folderQuery(folder)}`;
  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <Paper p="md" radius="md">
        <DocumentTitle title={t('notFound.title')} />
        <EmptyState title={t('notFound.title')} action={<NextSteps steps={[{ to: '/messages', label: t('conversation.back') }]} />}>
          {t('notFound.body')}
        </EmptyState>
      </Paper>
    );
  }
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <PageLoader label={t('conversation.loading')} />;
  return <Conversation key={id} conversation={query.data} back={back} />;
}

function DocumentTitle({ title }: { title: string }) {
  const { t } = useTranslation('messages');
  useDocumentTitle(`${title} · ${t('page.title')} · Rapport`);
  return null;
}

function Conversation({ conversation: c, back }: { conversation: ConversationSummary; back: string }) {
  const { t } = useTranslation('messages');
  const names = useNames(c);
  const headingId = useId();
  const navigate = useNavigate();
  const focusReply = Boolean((useLocation().state as { focusReply?: boolean } | null)?.focusReply);
  useMarkRead(c);
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: ({ draft }: { draft: MessageDraft; sent: () => void }) => messagesApi.send(c.id, draft),
    onSuccess: async (_, { sent }) => {
      sent();
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.conversationMessages(c.id) }),
        client.invalidateQueries({ queryKey: keys.conversation(c.id) }),
        client.invalidateQueries({ queryKey: ['conversations', 'list'] }),
      ]);
    },
  });
  const request = c.folder === 'requests' && c.abilities.canAccept;
  const gone = () => void navigate(back, { replace: true });
  return (
    <Paper p="md" radius="md" component="section" aria-labelledby={headingId}>
      <DocumentTitle title={names} />
      <Anchor component={Link} to={back} size="sm" className={classes.back} mb="sm">
        <IconArrowLeft size={14} aria-hidden />
        {t('conversation.back')}
      </Anchor>
      <ConversationHeader conversation={c} headingId={headingId} onGone={gone} />
      {request && <RequestPanel conversation={c} onGone={gone} onAccepted={() => void navigate(`/messages/${c.id}`, { replace: true, state: { focusReply: true } })} />}
      <MessageThread conversationId={c.id} names={names} />
      {!request &&
        (c.abilities.canReply ? (
          <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
            <MessageComposer onSend={(draft, sent) => send.mutate({ draft, sent })} sending={send.isPending} error={send.error} autoFocus={focusReply} />
          </div>
        ) : (
          <Text size="sm" c="dimmed" mt="md">
            {t('conversation.cannotReply')}
          </Text>
        ))}
    </Paper>
  );
}

/** Marks the conversation read while it is shown with something unread: on opening, and when a message arrives. */
function useMarkRead(c: ConversationSummary) {
  const { mutate } = useConversationAction();
  const unread = c.unreadCount > 0;
  const last = c.lastMessage?.id;
  useEffect(() => {
    if (unread) mutate({ id: c.id, action: 'read' });
  }, [mutate, c.id, unread, last]);
}
