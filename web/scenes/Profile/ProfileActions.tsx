import { Button, Group, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { networkApi } from '../../api/network.ts';
import type { MemberProfileView, PersonAbilities, RelationshipState } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ConnectDialog } from '../../components/ConnectDialog.tsx';
import { AnswerInvitation, PendingLabel } from '../../components/PersonActions.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { HowYouMetButton } from '../Network/HowYouMet.tsx';
import { FollowButton } from './FollowButton.tsx';
import { ProfileMoreMenu } from './ProfileMoreMenu.tsx';

type Person = Pick<MemberProfileView, 'handle' | 'name'>;

/**
 * What the viewer can do about this member, drawn from the abilities the server's policies decided, so
 * only the actions that would succeed are offered and no rule is recomputed here.
 */
export function ProfileActions({ profile }: { profile: MemberProfileView }) {
  const rel = profile.relationship;
  const can = profile.abilities;
  if (!rel || !can) return null;
  const person = { handle: profile.handle, name: profile.name };
  return (
    <Group gap="xs" align="center" wrap="wrap" aria-label={`Actions for ${profile.name}`} role="group">
      <ConnectionAction person={person} rel={rel} can={can} />
      <FollowButton person={person} can={can} />
      {rel.connection === 'connected' && rel.originInvitationId !== null && <HowYouMetButton name={profile.name} invitationId={rel.originInvitationId} size="sm" />}
      <ProfileMoreMenu person={person} blocked={can.canUnblock} />
    </Group>
  );
}

function ConnectionAction({ person, rel, can }: { person: Person; rel: RelationshipState; can: PersonAbilities }) {
  if (rel.connection === 'connected') return <ConnectedMenu person={person} />;
  if (can.canWithdraw && rel.invitationId) return <PendingSent person={person} invitationId={rel.invitationId} />;
  if (can.canAccept && rel.invitationId) return <PendingReceived person={person} invitationId={rel.invitationId} />;
  if (can.canConnect) return <ConnectAction person={person} />;
  return null;
}

function ConnectAction({ person }: { person: Person }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
        Connect
      </Button>
      <ConnectDialog person={person} context="profile" opened={opened} onClose={close} />
    </>
  );
}

function PendingSent({ person, invitationId }: { person: Person; invitationId: number }) {
  const withdraw = useNetworkMutation(() => networkApi.answer(invitationId, 'withdraw'), {
    success: () => (
      <>
        Invitation to <bdi>{person.name}</bdi> withdrawn.
      </>
    ),
  });
  return (
    <Group gap={6}>
      <PendingLabel size="sm" />
      <Button variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
        Withdraw
      </Button>
    </Group>
  );
}

function PendingReceived({ person, invitationId }: { person: Person; invitationId: number }) {
  return (
    <Group gap={6}>
      <Text size="sm" c="dimmed" component="span">
        <bdi>{person.name}</bdi> invited you to connect
      </Text>
      <AnswerInvitation person={person} invitationId={invitationId} size="sm" />
    </Group>
  );
}

function ConnectedMenu({ person }: { person: Person }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const remove = useNetworkMutation(() => networkApi.removeConnection(person.handle), {
    success: () => (
      <>
        <bdi>{person.name}</bdi> is no longer a connection.
      </>
    ),
  });
  return (
    <>
      <Menu position="bottom-start" withArrow>
        <Menu.Target>
          <Button variant="light" leftSection={<IconCheck size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
            Connected
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item color="red" leftSection={<IconUserMinus size={16} aria-hidden />} onClick={open}>
            Remove connection
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={confirming}
        title={
          <>
            Remove <bdi>{person.name}</bdi>?
          </>
        }
        confirmLabel="Remove connection"
        danger
        loading={remove.isPending}
        onClose={close}
        onConfirm={() => remove.mutate(undefined, { onSuccess: close })}
      >
        <bdi>{person.name}</bdi> will no longer be a 1st-degree connection and will not be told. You can invite them again later.
      </ConfirmDialog>
    </>
  );
}
