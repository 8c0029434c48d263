import { Button, Group, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { networkApi } from '../../api/network.ts';
import type { MemberProfileView, PersonAbilities, RelationshipState } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ConnectDialog } from '../../components/ConnectDialog.tsx';
import { MessageButton } from '../../components/MessageButton.tsx';
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
  const { t } = useTranslation('profile');
  const rel = profile.relationship;
  const can = profile.abilities;
  if (!rel || !can) return null;
  const person = { handle: profile.handle, name: profile.name };
  return (
    <Group gap="xs" align="center" wrap="wrap" aria-label={t('actions.label', { name: profile.name })} role="group">
      <ConnectionAction person={person} rel={rel} can={can} />
      {can.canMessage && <MessageButton person={person} />}
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

const bdi = { bdi: <bdi /> };

function ConnectAction({ person }: { person: Person }) {
  const { t } = useTranslation('profile');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
        {t('actions.connect')}
      </Button>
      <ConnectDialog person={person} context="profile" opened={opened} onClose={close} />
    </>
  );
}

function PendingSent({ person, invitationId }: { person: Person; invitationId: number }) {
  const { t } = useTranslation('profile');
  const withdraw = useNetworkMutation(() => networkApi.answer(invitationId, 'withdraw'), {
    success: () => <Trans t={t} i18nKey="actions.withdrawn" values={{ name: person.name }} components={bdi} />,
  });
  return (
    <Group gap={6}>
      <PendingLabel size="sm" />
      <Button variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
        {t('actions.withdraw')}
      </Button>
    </Group>
  );
}

function PendingReceived({ person, invitationId }: { person: Person; invitationId: number }) {
  const { t } = useTranslation('profile');
  return (
    <Group gap={6}>
      <Text size="sm" c="dimmed" component="span">
        <Trans t={t} i18nKey="actions.invitedYou" values={{ name: person.name }} components={bdi} />
      </Text>
      <AnswerInvitation person={person} invitationId={invitationId} size="sm" />
    </Group>
  );
}

function ConnectedMenu({ person }: { person: Person }) {
  const { t } = useTranslation('profile');
  const [confirming, { open, close }] = useDisclosure(false);
  const remove = useNetworkMutation(() => networkApi.removeConnection(person.handle), {
    success: () => <Trans t={t} i18nKey="actions.removed" values={{ name: person.name }} components={bdi} />,
  });
  return (
    <>
      <Menu position="bottom-start" withArrow>
        <Menu.Target>
          <Button variant="light" leftSection={<IconCheck size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
            {t('actions.connected')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item color="red" leftSection={<IconUserMinus size={16} aria-hidden />} onClick={open}>
            {t('actions.removeConnection')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={confirming}
        title={<Trans t={t} i18nKey="actions.removeTitle" values={{ name: person.name }} components={bdi} />}
        confirmLabel={t('actions.removeConnection')}
        danger
        loading={remove.isPending}
        onClose={close}
        onConfirm={() => remove.mutate(undefined, { onSuccess: close })}
      >
        <Trans t={t} i18nKey="actions.removeBody" values={{ name: person.name }} components={bdi} />
      </ConfirmDialog>
    </>
  );
}
