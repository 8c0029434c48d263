import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type ModerationActionName, moderationApi, moderationKeys } from '../../api/moderation.ts';

export interface PendingAction {
  type: 'flag' | 'report';
  id: number;
  action: ModerationActionName;
  /** Who it applies to, for the confirmation text: "Growth Pro 1 and 7 others". */
  who: string;
}

export const ACTION_LABELS: Record<ModerationActionName, string> = {
  dismiss: 'Dismiss',
  warn: 'Warn',
  restrict: 'Restrict invitations',
  suspend: 'Suspend',
};

const CONSEQUENCES: Record<ModerationActionName, string> = {
  dismiss: 'Nothing is wrong. The item leaves the queue and the automatic restrictions on these new accounts are lifted.',
  warn: 'Each member receives a warning notice with your reason.',
  restrict: 'Each member can no longer send invitations for the time you choose, or until an operator lifts it, and is told why with your reason.',
  suspend: 'Each member is signed out, their access tokens stop working, they cannot sign in, disappear for everyone but operators, and their pending invitations are blocked.',
};

/** How long a restriction lasts: "" is until an operator lifts it (the Members tab has Lift restrictions). */
const DURATIONS = [
  { value: '', label: 'Until an operator lifts it' },
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
];

/** Confirms one moderation action; the reason is required and goes to the audit log (and to the member for warn and restrict). */
export function ModerationActionDialog({ pending, onClose }: { pending: PendingAction | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [days, setDays] = useState('');
  const act = useMutation({
    mutationFn: (p: PendingAction) => moderationApi.act(p.type, p.id, p.action, reason.trim(), p.action === 'restrict' && days ? Number(days) : undefined),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: `${ACTION_LABELS[result.action]}: done for ${result.members.length} member(s).` });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.queue });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.audit });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'members'] });
      close();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const close = () => {
    setReason('');
    setTouched(false);
    setDays('');
    onClose();
  };
  const missing = reason.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!missing && pending) act.mutate(pending);
  };

  return (
    <Modal opened={pending !== null} onClose={close} title={
        pending ? (
          <>
            {ACTION_LABELS[pending.action]} — <bdi>{pending.who}</bdi>?
          </>
        ) : (
          ''
        )
      } centered>
      {pending && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{CONSEQUENCES[pending.action]}</Text>
            <Textarea
              label="Reason"
              description={pending.action === 'warn' || pending.action === 'restrict' ? 'The member will read this.' : 'Kept in the audit log.'}
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
            {pending.action === 'restrict' && (
              <NativeSelect
                label="How long"
                description="The member sees when it ends."
                data={DURATIONS}
                value={days}
                onChange={(e) => setDays(e.currentTarget.value)}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color={pending.action === 'dismiss' ? 'teal' : 'red'} loading={act.isPending}>
                {ACTION_LABELS[pending.action]}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
