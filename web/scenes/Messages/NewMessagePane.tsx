import { Paper, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { type MessageDraft, messagesApi } from '../../api/messages.ts';
import { PageLoader } from '../../components/PageState.tsx';
import { MessageComposer } from './MessageComposer.tsx';
import { type Recipient, RecipientPicker } from './RecipientPicker.tsx';

/**
 * /messages/new, and ?to=<handle> from a profile's Message button: an existing one-to-one with that member
 * opens instead, with its history; otherwise a new message to them, or to people chosen here.
 */
export function NewMessagePane() {
  const { t } = useTranslation('messages');
  useDocumentTitle(`${t('new.title')} · Rapport`);
  const to = useSearchParams()[0].get('to');
  const existing = useQuery({ queryKey: keys.conversationWith(to ?? ''), queryFn: () => messagesApi.withMember(to!), enabled: Boolean(to), retry: false });
  if (to && existing.isPending) return <PageLoader />;
  if (existing.data) return <Navigate to={`/messages/${existing.data.id}`} replace />;
  return <NewMessageForm key={to ?? ''} to={to} />;
}

function NewMessageForm({ to }: { to: string | null }) {
  const { t } = useTranslation('messages');
  const navigate = useNavigate();
  const client = useQueryClient();
  // Null until the member changes the recipients: until then, the member named in ?to= (when they can be messaged).
  const [chosen, setChosen] = useState<Recipient[] | null>(null);
  const [recipientsError, setRecipientsError] = useState<string | null>(null);
  // The member named in ?to=, as their profile shows them, chosen from the start.
  const named = useQuery({ queryKey: keys.member(to ?? ''), queryFn: () => directoryApi.member(to!), enabled: Boolean(to) });
  const p = named.data;
  const recipients = chosen ?? (p?.abilities?.canMessage ? [{ handle: p.handle, name: p.name, photoUrl: p.photoUrl, degree: p.degree, headline: p.headline }] : []);
  const start = useMutation({
    mutationFn: ({ draft }: { draft: MessageDraft; sent: () => void }) => messagesApi.start(recipients.map((r) => r.handle), draft),
    onSuccess: async ({ id }, { sent }) => {
      sent();
      // Sent, and nothing more: where it landed for each recipient is theirs to know.
      notifications.show({ color: 'teal', message: t('new.sent') });
      await client.invalidateQueries({ queryKey: keys.conversations });
      void navigate(`/messages/${id}`, { replace: true });
    },
  });
  const check = () => {
    const problem = recipients.length === 0 ? t('new.nobody') : null;
    setRecipientsError(problem);
    return problem === null;
  };
  return (
    <Paper p="md" radius="md" component="section" aria-labelledby="new-message-heading">
      <Title order={2} fz="h4" id="new-message-heading" mb="md">
        {t('new.title')}
      </Title>
      <MessageComposer onSend={(draft, sent) => start.mutate({ draft, sent })} sending={start.isPending} error={start.error} check={check} autoFocus={Boolean(to)}>
        <RecipientPicker
          value={recipients}
          onChange={(r) => {
            setChosen(r);
            setRecipientsError(null);
          }}
          error={recipientsError}
        />
      </MessageComposer>
    </Paper>
  );
}
