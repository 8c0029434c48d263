import { NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type MessageGate, type MessageSettings, messagesApi, type SenderKind } from '../../api/messages.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useScrollToHash } from '../../hooks/useScrollToHash.ts';

/** In the order the API lists them (common/schemas/messages.ts SENDER_KINDS, MESSAGE_GATES). */
const KINDS: readonly SenderKind[] = ['connection', 'second', 'third_plus', 'new_account', 'flagged'];
const GATES: readonly MessageGate[] = ['accept', 'filter', 'drop'];

/**
 * Who reaches the inbox, who waits in Requests, and whose messages are never delivered: one choice per kind
 * of sender, saved as soon as it changes (the API replaces all five at once).
 */
export function MessageSettingsCard() {
  const { t } = useTranslation('messages');
  const client = useQueryClient();
  const query = useQuery({ queryKey: keys.messageSettings, queryFn: messagesApi.settings });
  const save = useMutation({
    mutationFn: messagesApi.saveSettings,
    onSuccess: (saved) => {
      client.setQueryData(keys.messageSettings, saved);
      notifications.show({ color: 'teal', message: t('settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const ref = useRef<HTMLElement>(null);
  // The empty Requests folder's "Choose who can message you" links here (/settings#message-settings).
  useScrollToHash('message-settings', ref, query.isSuccess);
  const gates = GATES.map((g) => ({ value: g, label: t(`settings.gates.${g}`) }));
  return (
    <Paper ref={ref} tabIndex={-1} p="lg" radius="md" component="section" aria-labelledby="message-settings-heading" id="message-settings">
      <Title order={2} fz="h4" id="message-settings-heading" mb={4}>
        {t('settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.intro')}
      </Text>
      {query.isPending && <PageLoader label={t('settings.loading')} />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <Stack gap="sm">
          {KINDS.map((kind) => (
            <NativeSelect
              key={kind}
              label={t(`settings.kinds.${kind}`)}
              data={gates}
              value={query.data[kind]}
              disabled={save.isPending}
              onChange={(e) => save.mutate({ ...query.data, [kind]: e.currentTarget.value as MessageGate } satisfies MessageSettings)}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
