import { Button, type ButtonProps, Group, Text } from '@mantine/core';
import { IconCheck, IconClock } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { networkApi } from '../api/network.ts';
import type { InvitationContext, PersonCardWithConnection } from '../api/types.ts';
import { useNetworkMutation } from '../hooks/useNetworkMutation.ts';
import { ConnectButton } from './ConnectButton.tsx';
import { MessageButton } from './MessageButton.tsx';

type Person = { handle: string; name: string };
type Size = ButtonProps['size'];

const BDI = { bdi: <bdi /> };

/**
 * What the viewer can do about a person in a list (search, the member directory, suggestions), from the
 * abilities the server sends with the card: Connect to a stranger, Accept or Ignore to someone who
 * already invited them (inviting back would connect them and throw the note away), "Pending" for an
 * invitation they sent, "Connected" and Message for a connection, and nothing for themselves.
 */
export function PersonActions({ person, context }: { person: PersonCardWithConnection; context: InvitationContext }) {
  const can = person.abilities;
  if (can.canConnect) return <ConnectButton person={person} context={context} />;
  if (can.canAccept && person.invitationId) return <AnswerInvitation person={person} invitationId={person.invitationId} />;
  if (can.canWithdraw) return <PendingLabel />;
  if (person.connection === 'connected') {
    return (
      <Group gap={6} wrap="wrap">
        <ConnectedLabel />
        {can.canMessage && <MessageButton person={person} size="xs" />}
      </Group>
    );
  }
  return null;
}

/** Accept or Ignore an invitation from `person`, in place; the name is in each label so a list of them stays distinguishable. */
export function AnswerInvitation({ person, invitationId, size = 'xs' }: { person: Person; invitationId: number; size?: Size }) {
  const { t } = useTranslation('people');
  const answer = useNetworkMutation((a: 'accept' | 'ignore') => networkApi.answer(invitationId, a), {
    success: (a) =>
      a === 'accept' ? <Trans t={t} i18nKey="connect.connected" values={{ name: person.name }} components={BDI} /> : t('answer.ignored'),
  });
  const busy = (a: 'accept' | 'ignore') => answer.isPending && answer.variables === a;
  return (
    <Group gap={6} wrap="wrap">
      <Button
        size={size}
        leftSection={<IconCheck size={14} aria-hidden />}
        loading={busy('accept')}
        disabled={answer.isPending}
        onClick={() => answer.mutate('accept')}
        aria-label={t('answer.acceptLabel', { name: person.name })}
      >
        {t('answer.accept')}
      </Button>
      <Button
        size={size}
        variant="default"
        loading={busy('ignore')}
        disabled={answer.isPending}
        onClick={() => answer.mutate('ignore')}
        aria-label={t('answer.ignoreLabel', { name: person.name })}
      >
        {t('answer.ignore')}
      </Button>
    </Group>
  );
}

/** An invitation the viewer sent, still waiting (ignoring is silent, so an ignored one waits too). */
export function PendingLabel({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('people');
  return (
    <Text size={size} c="dimmed" component="span" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconClock size={14} aria-hidden /> {t('state.pending')}
    </Text>
  );
}

function ConnectedLabel() {
  const { t } = useTranslation('people');
  return (
    <Text size="xs" c="dimmed" component="span" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconCheck size={14} aria-hidden /> {t('state.connected')}
    </Text>
  );
}
