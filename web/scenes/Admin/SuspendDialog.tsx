import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import type { AdminMember } from '../../api/types.ts';

/** Confirms a suspend (with a reason for the audit log) or a reinstate before doing it. */
export function SuspendDialog({ member, onClose }: { member: AdminMember | null; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const suspending = member?.status === 'active';
  const action = useMutation({
    mutationFn: (m: AdminMember) => (m.status === 'active' ? adminApi.suspend(m.handle, reason.trim()) : adminApi.reinstate(m.handle)),
    onSuccess: (result) => {
      notifications.show({
        color: 'teal',
        message: (
          <Trans
            t={t}
            i18nKey={result.status === 'suspended' ? 'suspend.nowSuspended' : 'suspend.nowActive'}
            values={{ name: member?.name ?? result.handle }}
            components={{ bdi: <bdi /> }}
          />
        ),
      });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
      setReason('');
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={
        <Trans
          t={t}
          i18nKey={suspending ? 'suspend.titleSuspend' : 'suspend.titleReinstate'}
          values={{ name: member?.name ?? '' }}
          components={{ bdi: <bdi /> }}
        />
      }
      centered
    >
      <Stack>
        <Text size="sm">
          {suspending ? t('suspend.suspendBody') : t('suspend.reinstateBody')}
        </Text>
        {suspending && (
          <Textarea
            label={t('suspend.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color={suspending ? 'red' : 'teal'} loading={action.isPending} onClick={() => member && action.mutate(member)}>
            {suspending ? t('suspend.suspendMember') : t('suspend.reinstateMember')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
