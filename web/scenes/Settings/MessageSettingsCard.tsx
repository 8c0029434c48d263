import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { type MessageGate, type MessageSettings, messagesApi, type SenderKind } from '../../api/messages.ts';
import { SavedSettingsCard } from './SavedSettingsCard.tsx';

/** In the order the API lists them (common/schemas/messages.ts SENDER_KINDS, MESSAGE_GATES). */
const KINDS: readonly SenderKind[] = ['connection', 'second', 'third_plus', 'new_account', 'flagged'];
const GATES: readonly MessageGate[] = ['accept', 'filter', 'drop'];

/**
 * Who reaches the inbox, who waits in Requests, and whose messages are never delivered: one choice per kind
 * of sender, saved as soon as it changes (the API replaces all five at once). The empty Requests folder's
 * "Choose who can message you" links here (/settings#message-settings).
 */
export function MessageSettingsCard() {
  const { t } = useTranslation('messages');
  const gates = GATES.map((g) => ({ value: g, label: t(`settings.gates.${g}`) }));
  return (
    <SavedSettingsCard
      id="message-settings"
      namespace="messages"
      queryKey={keys.messageSettings}
      load={messagesApi.settings}
      save={messagesApi.saveSettings}
    >
      {(settings, save, saving) =>
        KINDS.map((kind) => (
          <NativeSelect
            key={kind}
            label={t(`settings.kinds.${kind}`)}
            data={gates}
            value={settings[kind]}
            disabled={saving}
            onChange={(e) => save({ ...settings, [kind]: e.currentTarget.value as MessageGate } satisfies MessageSettings)}
          />
        ))
      }
    </SavedSettingsCard>
  );
}
