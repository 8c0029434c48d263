import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { screeningApi, SCREENING_FORM_LIMITS, type ThreadMessage } from '../api/screening.ts';
import { useNetworkMutation } from '../hooks/useNetworkMutation.ts';
import { TimeAgo } from './TimeAgo.tsx';

/**
 * The "ask for context" thread of one invitation, oldest first, each message with its author. Both the
 * recipient (who asks) and the sender (who replies) see the same list; it stays with the connection.
 */
export function ThreadMessages({ messages, label }: { messages: ThreadMessage[]; label: string }) {
  if (messages.length === 0) return null;
  return (
    <Stack component="ol" aria-label={label} gap={6} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {messages.map((m) => (
        <Paper component="li" key={m.id} p="xs" radius="sm">
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm" fw={600} dir="auto">
              {m.author.name}
            </Text>
            <Text size="xs" c="dimmed">
              <TimeAgo iso={m.createdAt} />
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dir="auto">
            {m.body}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

interface ComposerProps {
  invitationId: number;
  /** The field's label, which says who will read it: "Your question to Ben". */
  label: ReactNode;
  submitLabel: string;
  /** Announced once the message is saved. */
  sentMessage: ReactNode;
  description?: ReactNode;
  onSent?: () => void;
  onCancel?: () => void;
}

/** Writes one message into an invitation's thread; the lists that show the invitation refetch once it is saved. */
export function ThreadComposer({ invitationId, label, submitLabel, sentMessage, description, onSent, onCancel }: ComposerProps) {
  const { t } = useTranslation(['network', 'common']);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const post = useNetworkMutation((text: string) => screeningApi.postMessage(invitationId, text), { success: () => sentMessage });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setError(t('thread.writeFirst'));
      return;
    }
    setError(null);
    post.mutate(text, {
      onSuccess: () => {
        setBody('');
        onSent?.();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={label}
          description={description ?? t('thread.characters', { count: body.length, max: SCREENING_FORM_LIMITS.messageMax })}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          maxLength={SCREENING_FORM_LIMITS.messageMax}
          error={error}
          autosize
          minRows={2}
          maxRows={6}
          // Opened by "Ask for context" or "Reply": the field the member came for takes focus.
          autoFocus
        />
        <Group gap="xs" justify="flex-end">
          {onCancel && (
            <Button size="xs" variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          )}
          <Button size="xs" type="submit" loading={post.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
