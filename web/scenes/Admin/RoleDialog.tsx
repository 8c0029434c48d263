import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
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
        message: result.role === 'admin' ? `${p.member.name} is now an operator.` : `${p.member.name} is no longer an operator.`,
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
  const title = promoting ? `Make ${name} an operator?` : self ? 'Stop being an operator?' : `Remove ${name}’s operator role?`;

  return (
    <Modal opened={pending !== null} onClose={close} title={title} centered>
      {pending && (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">
              {promoting
                ? `${name} will be able to see every member’s email address, review the moderation queue, suspend and restrict members, read the audit log and make other operators. They will be told.`
                : self
                  ? 'You become a member again and lose the Admin page at once. Another operator can make you an operator again.'
                  : `${name} becomes a member again and loses the Admin page. They will be told.`}
            </Text>
            <Textarea
              label="Reason (optional, kept in the audit log)"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Cancel
              </Button>
              <Button type="submit" color={promoting ? undefined : 'red'} loading={change.isPending}>
                {promoting ? 'Make operator' : 'Remove operator role'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
