import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../common/limits.ts';
import { networkApi } from '../api/network.ts';
import type { InvitationContext } from '../api/types.ts';
import { useNetworkMutation } from '../hooks/useNetworkMutation.ts';

interface Props {
  person: { handle: string; name: string };
  /** Where the invitation was sent from; recorded as the start of the relationship ("how we met"). */
  context: InvitationContext;
  opened: boolean;
  onClose: () => void;
}

/** The invitation composer: a personal note is optional but encouraged, because members screen on it. */
export function ConnectDialog({ person, context, opened, onClose }: Props) {
  const [note, setNote] = useState('');
  const send = useNetworkMutation((vars: { note: string }) => networkApi.invite(person.handle, vars.note, context), {
    success: (_vars, result) =>
      result.outcome === 'connected' ? `You are now connected with ${person.name}.` : `Invitation sent to ${person.name}.`,
  });
  const firstName = person.name.split(/\s+/)[0] ?? person.name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(
      { note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Connect with ${person.name}`}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Say how you know {firstName} or why you would like to connect. A personal note makes a yes far more likely.
          </Text>
          <Textarea
            label="Personal note (optional)"
            description={`${note.length}/${LIMITS.invitationNoteMax} characters`}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={LIMITS.invitationNoteMax}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={send.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
