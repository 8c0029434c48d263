import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { moderationKeys } from '../../api/moderation.ts';
import type { AdminMember } from '../../api/types.ts';
import { RestrictionLabel } from './RestrictionLabel.tsx';
import { RequiredReasonField, useRequiredReason } from './RequiredReason.tsx';

/**
 * Confirms lifting a member's active restrictions. The reason is required: it goes to the audit log and
 * to the member, who is told their restriction is over.
 */
export function LiftRestrictionsDialog({ member, onClose }: { member: AdminMember | null; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const reason = useRequiredReason();
  const close = () => {
    reason.reset();
    onClose();
  };
  const lift = useMutation({
    mutationFn: (m: AdminMember) => adminApi.liftRestrictions(m.handle, reason.value.trim()),
    onSuccess: (_result, m) => {
      notifications.show({ color: 'teal', message: t('lift.done', { name: m.name }) });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.queue });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.audit });
      close();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reason.touch();
    if (!reason.missing && member) lift.mutate(member);
  };

  return (
    <Modal opened={member !== null} onClose={close} title={member ? t('lift.title', { name: member.name }) : ''} centered>
      {member && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('lift.body', { name: member.name })}</Text>
            <List size="sm" spacing={2} aria-label={t('lift.listLabel', { name: member.name })}>
              {member.restrictions.map((r) => (
                <List.Item key={r.kind}>
                  <RestrictionLabel restriction={r} /> — {r.reason}
                </List.Item>
              ))}
            </List>
            <RequiredReasonField
              reason={reason}
              label={t('lift.reason')}
              description={t('lift.memberReads')}
              missingText={t('lift.giveReason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color="teal" loading={lift.isPending}>
                {t('lift.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
