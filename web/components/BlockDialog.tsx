import { networkApi } from '../api/network.ts';
import { useNetworkMutation } from '../hooks/useNetworkMutation.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface Props {
  person: { handle: string; name: string };
  opened: boolean;
  onClose: () => void;
}

/** Blocking is one click and one confirmation, from a profile or straight from an invitation. */
export function BlockDialog({ person, opened, onClose }: Props) {
  const block = useNetworkMutation(() => networkApi.block(person.handle), { success: () => `${person.name} is blocked.` });
  return (
    <ConfirmDialog
      opened={opened}
      title={`Block ${person.name}?`}
      confirmLabel="Block"
      danger
      loading={block.isPending}
      onClose={onClose}
      onConfirm={() => block.mutate(undefined, { onSuccess: onClose })}
    >
      You will no longer be connected or follow each other, open invitations are cancelled, and neither of you can find, invite or
      follow the other. {person.name} is not told. Unblocking later does not restore the connection.
    </ConfirmDialog>
  );
}
