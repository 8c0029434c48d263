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
  const block = useNetworkMutation(() => networkApi.block(person.handle), {
    success: () => (
      <>
        <bdi>{person.name}</bdi> is blocked.
      </>
    ),
  });
  return (
    <ConfirmDialog
      opened={opened}
      title={
        <>
          Block <bdi>{person.name}</bdi>?
        </>
      }
      confirmLabel="Block"
      danger
      loading={block.isPending}
      onClose={onClose}
      onConfirm={() => block.mutate(undefined, { onSuccess: onClose })}
    >
      You will no longer be connected or follow each other, open invitations are cancelled, and neither of you can find, invite or
      follow the other. <bdi>{person.name}</bdi> is not told. Unblocking later does not restore the connection.
    </ConfirmDialog>
  );
}
