import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { AdminMember } from '../../api/types.ts';
import { moderationKeys } from '../../api/moderation.ts';

export interface RoleChange {
  member: AdminMember;
  change: 'promote' | 'demote';
}

/**
 * Confirms making a member an operator, or an operator a member again, saying what it means; an
 * optional reason goes to the audit log. Cancel has focus first. Stepping down yourself closes the
 * Admin page for you at once, so the dialog says so.
 */
export function RoleDialog({ pending, selfId, onClose }: { pending: RoleChange | null; selfId: number; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  const change = useMutation({
    mutationFn: (p: RoleChange) => adminApi.setRole(p.member.handle, p.change, reason.trim()),
    onSuccess: (result, p) => {
      notifications.show({
        color: 'teal',
        message: t(result.role === 'admin' ? 'role.nowOperator' : 'role.noLongerOperator', { name: p.member.name }),
      });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.audit });
      if (p.member.id === selfId) void queryClient.invalidateQueries({ queryKey: keys.me });
      close();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) change.mutate(pending);
  };
  const name = pending?.member.name ?? '';
  const self = pending?.member.id === selfId;
  const promoting = pending?.change === 'promote';
  const title = promoting ? t('role.promoteTitle', { name }) : self ? t('role.stepDownTitle') : t('role.demoteTitle', { name });

  return (
    <Modal opened={pending !== null} onClose={close} title={title} centered>
      {pending && (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">
              {promoting ? t('role.promoteBody', { name }) : self ? t('role.stepDownBody') : t('role.demoteBody', { name })}
            </Text>
            <Textarea
              label={t('role.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color={promoting ? undefined : 'red'} loading={change.isPending}>
                {promoting ? t('role.makeOperator') : t('role.removeOperator')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
