import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { type ContentKind, moderationApi, moderationKeys } from '../../api/moderation.ts';
import { RequiredReasonField, useRequiredReason } from './RequiredReason.tsx';

export interface PendingRemoval {
  kind: ContentKind;
  id: number;
  /** The author's name, for the question. */
  author: string;
}

/** Confirms removing a post, comment or message; the reason is required: its author reads it, and the audit log keeps it. */
export function RemoveContentDialog({ pending, onClose }: { pending: PendingRemoval | null; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const reason = useRequiredReason();
  const remove = useMutation({
    mutationFn: (p: PendingRemoval) => moderationApi.removeContent(p.kind, p.id, reason.value.trim()),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t('moderation.removeContent.done', { kind: result.kind }) });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.queue });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.audit });
      close();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const close = () => {
    reason.reset();
    remove.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reason.touch();
    if (!reason.missing && pending) remove.mutate(pending);
  };

  return (
    <Modal
      opened={pending !== null}
      onClose={close}
      centered
      title={
        pending ? (
          <Trans t={t} i18nKey="moderation.removeContent.title" values={{ kind: pending.kind, name: pending.author }} components={{ bdi: <bdi /> }} />
        ) : (
          ''
        )
      }
    >
      {pending && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t(`moderation.removeContent.consequences.${pending.kind}`)}</Text>
            <Text size="sm">{t('moderation.removeContent.also')}</Text>
            <RequiredReasonField
              reason={reason}
              label={t('moderation.reason')}
              description={t('moderation.removeContent.authorReads')}
              missingText={t('moderation.giveReason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color="red" loading={remove.isPending}>
                {t('moderation.content.remove', { kind: pending.kind })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
