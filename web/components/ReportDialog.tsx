import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ReportReason, SCREENING_FORM_LIMITS, screeningApi } from '../api/screening.ts';
import { FormError } from './FormError.tsx';
import { errorMessage } from '../api/client.ts';

const REASONS: Record<ReportReason, string> = {
  spam: 'Spam or bulk invitations',
  fake: 'A fake account or impersonation',
  scam: 'A scam or fraud',
  harassment: 'Harassment or abuse',
  other: 'Something else',
};

interface Props {
  person: { handle: string; name: string };
  /** When reporting an invitation they sent, so the operators see the note and its evidence. */
  invitationId?: number;
  opened: boolean;
  onClose: () => void;
}

/** Reports a member (or an invitation of theirs) to the operators, with a reason and optional details. The member is not told who reported. */
export function ReportDialog({ person, invitationId, opened, onClose }: Props) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (r: ReportReason) =>
      screeningApi.report({ member: person.handle, reason: r, details: details.trim(), ...(invitationId ? { invitationId } : {}) }),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: (
          <>
            Thank you. The operators will review your report about <bdi>{person.name}</bdi>.
          </>
        ),
      });
      close();
    },
  });
  const close = () => {
    setReason(null);
    setDetails('');
    setReasonError(null);
    send.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setReasonError('Choose a reason');
      return;
    }
    send.mutate(reason);
  };

  return (
    <Modal opened={opened} onClose={close} title={
        <>
          Report <bdi>{person.name}</bdi>
        </>
      }>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            The operators of this community review every report. <bdi>{person.name}</bdi> is not told who reported them.
          </Text>
          <Radio.Group label="Reason" required value={reason} onChange={(v) => { setReason(v as ReportReason); setReasonError(null); }} error={reasonError}>
            <Stack gap="xs" mt="xs">
              {(Object.keys(REASONS) as ReportReason[]).map((r) => (
                <Radio key={r} value={r} label={REASONS[r]} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Details (optional)"
            description={`What happened? ${details.length}/${SCREENING_FORM_LIMITS.reportDetailsMax} characters`}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            maxLength={SCREENING_FORM_LIMITS.reportDetailsMax}
            autosize
            minRows={3}
            maxRows={8}
          />
          <FormError message={send.error ? errorMessage(send.error) : null} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={send.isPending}>
              Send report
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
