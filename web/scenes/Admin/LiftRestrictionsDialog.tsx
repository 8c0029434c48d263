import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { adminApi } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { moderationKeys } from '../../api/moderation.ts';
import type { AdminMember } from '../../api/types.ts';
import { RestrictionLabel } from './RestrictionLabel.tsx';

/**
 * Confirms lifting a member's active restrictions. The reason is required: it goes to the audit log and
 * to the member, who is told their restriction is over.
 */
export function LiftRestrictionsDialog({ member, onClose }: { member: AdminMember | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const close = () => {
    setReason('');
    setTouched(false);
    onClose();
  };
  const lift = useMutation({
    mutationFn: (m: AdminMember) => adminApi.liftRestrictions(m.handle, reason.trim()),
    onSuccess: (_result, m) => {
      notifications.show({ color: 'teal', message: `Restrictions lifted for ${m.name}.` });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.queue });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.audit });
      close();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const missing = reason.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!missing && member) lift.mutate(member);
  };

  return (
    <Modal opened={member !== null} onClose={close} title={member ? `Lift restrictions on ${member.name}?` : ''} centered>
      {member && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">These end now; invitations they held reach their recipients, and {member.name} is told with your reason:</Text>
            <List size="sm" spacing={2} aria-label={`Active restrictions on ${member.name}`}>
              {member.restrictions.map((r) => (
                <List.Item key={r.kind}>
                  <RestrictionLabel restriction={r} /> — {r.reason}
                </List.Item>
              ))}
            </List>
            <Textarea
              label="Reason"
              description="The member will read this."
              required
              data-autofocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              onBlur={() => setTouched(true)}
              error={touched && missing ? 'Give a reason' : undefined}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="teal" loading={lift.isPending}>
                Lift restrictions
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
