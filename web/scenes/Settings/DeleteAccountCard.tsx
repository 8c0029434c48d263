import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../../api/types.ts';
import { deletionApi, deletionKeys } from '../../api/deletion.ts';
import { FormError } from '../../components/FormError.tsx';
import { useAccountDeletion } from '../../hooks/useAccountDeletion.ts';
import { useFormat } from '../../i18n/format.ts';

/**
 * Delete your account: explains the grace period (and that your data can be downloaded first), then asks
 * for your handle in a dialog before scheduling. While it is scheduled, the card says when and offers to keep the account.
 */
export function DeleteAccountCard({ me }: { me: MeView }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const queryClient = useQueryClient();
  const { state, cancel } = useAccountDeletion();
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const schedule = useMutation({
    mutationFn: deletionApi.schedule,
    onSuccess: (view) => {
      queryClient.setQueryData(deletionKeys.mine, view);
      close();
      setTyped('');
    },
    onError: () => setError(t('deleteAccount.failed')),
  });
  const scheduled = state.data?.scheduled ? state.data.purgeAfter : null;
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="delete-account-heading">
      <Title order={2} fz="h4" id="delete-account-heading" mb="md">
        {t('deleteAccount.title')}
      </Title>
      <Stack gap="sm" maw={560}>
        {scheduled ? (
          <>
            <Text>{t('deleteAccount.scheduled', { date: format.date(scheduled, 'long') })}</Text>
            <Group>
              <Button loading={cancel.isPending} onClick={() => cancel.mutate()}>
                {t('deleteAccount.keep')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text>{t('deleteAccount.explain')}</Text>
            <Text size="sm" c="dimmed">
              {t('deleteAccount.exportFirst')}
            </Text>
            <Group>
              <Button color="red" variant="outline" onClick={open}>
                {t('deleteAccount.open')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Modal opened={opened} onClose={close} title={t('deleteAccount.confirmTitle')} centered>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (typed.trim() !== me.handle) {
              setError(t('deleteAccount.handleMismatch'));
              return;
            }
            schedule.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('deleteAccount.confirmText')}</Text>
            <TextInput
              label={t('deleteAccount.typeHandle', { handle: me.handle })}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
              required
            />
            <FormError message={error} />
            <Group justify="flex-end" wrap="wrap">
              <Button variant="default" onClick={close}>
                {t('deleteAccount.back')}
              </Button>
              <Button type="submit" color="red" loading={schedule.isPending} disabled={typed.trim() !== me.handle}>
                {t('deleteAccount.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
