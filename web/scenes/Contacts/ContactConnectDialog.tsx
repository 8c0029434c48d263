import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { contactsApi, type ContactView } from '../../api/contacts.ts';
import { keys } from '../../api/keys.ts';
import { FormError } from '../../components/FormError.tsx';
import { contactKeys } from './contactWords.ts';

/** Connect with the member a contact was matched to; the server records the context as an import. */
export function ContactConnectDialog({ contact, opened, onClose }: { contact: ContactView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const name = contact.member?.name ?? contact.name;
  const send = useMutation({
    mutationFn: () => contactsApi.connect(contact.id, note.trim()),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: result.outcome === 'invited' ? t('connect.sent', { name }) : t('connect.connectedNow', { name }) });
      setNote('');
      void client.invalidateQueries({ queryKey: contactKeys.all });
      void client.invalidateQueries({ queryKey: keys.network });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('connect.title', { name })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('connect.intro')}
          </Text>
          <Textarea label={t('connect.note')} autosize minRows={3} maxLength={LIMITS.invitationNoteMax} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          <FormError error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('connect.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('connect.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
