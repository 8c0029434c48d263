import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import type { AdminMember } from '../../api/types.ts';

/** Confirms a suspend (with a reason for the audit log) or a reinstate before doing it. */
export function SuspendDialog({ member, onClose }: { member: AdminMember | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const suspending = member?.status === 'active';
  const action = useMutation({
    mutationFn: (m: AdminMember) => (m.status === 'active' ? adminApi.suspend(m.handle, reason.trim()) : adminApi.reinstate(m.handle)),
    onSuccess: (result) => {
      notifications.show({
        color: 'teal',
        message: (
          <>
            <bdi>{member?.name ?? result.handle}</bdi> is now {result.status === 'suspended' ? 'suspended' : 'active'}.
          </>
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
        <>
          {suspending ? 'Suspend' : 'Reinstate'} <bdi>{member?.name}</bdi>?
        </>
      }
      centered
    >
      <Stack>
        <Text size="sm">
          {suspending
            ? 'They will be signed out, their access tokens will stop working, they cannot sign in, and their profile disappears for everyone but operators.'
            : 'They can sign in again and their profile becomes visible again.'}
        </Text>
        {suspending && (
          <Textarea
            label="Reason (kept in the audit log)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={suspending ? 'red' : 'teal'} loading={action.isPending} onClick={() => member && action.mutate(member)}>
            {suspending ? 'Suspend member' : 'Reinstate member'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
