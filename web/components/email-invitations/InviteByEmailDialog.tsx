import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { emailInvitationsApi } from '../../api/email-invitations.ts';
import { FormError } from '../FormError.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Known already (an imported contact's address and first name); the member may change them. */
  initial?: { email?: string; name?: string };
  onSent?: () => void;
}

/**
 * Invites one person who is not a member to join, by email, with a note (required: the gentle push of the
 * invitation dialog). The server checks the allowance, opt-outs and an address's week of rest.
 */
export function InviteByEmailDialog({ opened, onClose, initial, onSent }: Props) {
  const { t } = useTranslation('join');
  const form = useForm({
    initialValues: { email: initial?.email ?? '', name: initial?.name ?? '', note: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('invite.emailInvalid')),
      note: (v) => (v.trim() ? null : t('invite.noteRequired')),
    },
  });
  const send = useMutation({
    mutationFn: (values: typeof form.values) => emailInvitationsApi.send({ email: values.email.trim(), note: values.note.trim(), ...(values.name.trim() ? { name: values.name.trim() } : {}) }),
    onSuccess: (sent) => {
      notifications.show({ color: 'teal', message: t('invite.sent', { email: sent.email }) });
      form.reset();
      onSent?.();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('invite.title')}>
      <form noValidate onSubmit={form.onSubmit((values) => send.mutate(values))}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('invite.intro')}
          </Text>
          <TextInput label={t('invite.email')} type="email" autoComplete="off" required maxLength={LIMITS.emailMax} {...form.getInputProps('email')} />
          <TextInput label={t('invite.name')} maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
          <Textarea
            label={t('invite.note')}
            placeholder={t('invite.notePlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={LIMITS.invitationNoteMax}
            {...form.getInputProps('note')}
          />
          <FormError error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('invite.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('invite.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
