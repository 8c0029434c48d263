import { ActionIcon, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconDots, IconLockOpen } from '@tabler/icons-react';
import { networkApi } from '../../api/network.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';

/** Rare, weighty actions live behind "More" so they are not clicked by accident; blocking asks first. */
export function ProfileMoreMenu({ person, blocked }: { person: { handle: string; name: string }; blocked: boolean }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const change = useNetworkMutation((block: boolean) => (block ? networkApi.block(person.handle) : networkApi.unblock(person.handle)), {
    success: (block) => (block ? `${person.name} is blocked.` : `${person.name} is unblocked.`),
  });
  return (
    <>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={`More actions for ${person.name}`}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {blocked ? (
            <Menu.Item leftSection={<IconLockOpen size={16} aria-hidden />} onClick={() => change.mutate(false)}>
              Unblock {person.name}
            </Menu.Item>
          ) : (
            <Menu.Item color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={open}>
              Block {person.name}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={confirming}
        title={`Block ${person.name}?`}
        confirmLabel="Block"
        danger
        loading={change.isPending}
        onClose={close}
        onConfirm={() => change.mutate(true, { onSuccess: close })}
      >
        You will no longer be connected or follow each other, open invitations are cancelled, and neither of you can find, invite or
        follow the other. {person.name} is not told. Unblocking later does not restore the connection.
      </ConfirmDialog>
    </>
  );
}
