import { Button, Center, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type MessageView, messagesApi } from '../../api/messages.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { ConversationReportDialog } from './ConversationReportDialog.tsx';
import classes from './Messages.module.css';
import { MessageItem } from './MessageItem.tsx';

/**
 * A conversation's messages, oldest at the top: the API pages newest first, so the pages are reversed, and
 * "Show earlier messages" fetches the page before. A log region, so screen readers hear what arrives; the
 * newest message is scrolled into view when the conversation opens and when one arrives. Another member's
 * message can be reported from its own menu, with the message as evidence.
 */
export function MessageThread({ conversationId, names }: { conversationId: number; names: string }) {
  const { t } = useTranslation('messages');
  const query = usePagedQuery(keys.conversationMessages(conversationId), (cursor) => messagesApi.messages(conversationId, cursor));
  const messages = useMemo(() => (query.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse(), [query.data]);
  const newest = messages.at(-1)?.id;
  const end = useRef<HTMLDivElement>(null);
  // The reported message stays named while its dialog closes (its fade-out), rather than going blank.
  const [reported, setReported] = useState<MessageView | null>(null);
  const [reporting, setReporting] = useState(false);
  useEffect(() => {
    if (newest !== undefined) end.current?.scrollIntoView({ block: 'nearest' });
  }, [newest]);

  if (query.isPending) return <PageLoader label={t('conversation.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div role="log" aria-label={t('conversation.thread', { names })}>
      {query.hasNextPage && (
        <Center mb="sm">
          <Button variant="subtle" size="xs" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('conversation.earlier')}
          </Button>
        </Center>
      )}
      {messages.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('conversation.empty')}
        </Text>
      ) : (
        <ol className={classes.thread}>
          {messages.map((m, i) => (
            <li key={m.id} style={{ display: 'flex', flexDirection: 'column' }}>
              <MessageItem
                message={m}
                showSender={i === 0 || messages[i - 1]!.sender?.id !== m.sender?.id}
                onReport={(message) => {
                  setReported(message);
                  setReporting(true);
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <div ref={end} />
      {reported?.sender && (
        <ConversationReportDialog
          person={{ handle: reported.sender.handle, name: reported.sender.name }}
          messageId={reported.id}
          opened={reporting}
          onClose={() => setReporting(false)}
        />
      )}
    </div>
  );
}
