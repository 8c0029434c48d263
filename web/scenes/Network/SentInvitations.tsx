import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Trans, useTranslation } from 'react-i18next';
import { networkApi } from '../../api/network.ts';
import type { InvitationView } from '../../api/types.ts';
import { ThreadComposer, ThreadMessages } from '../../components/InvitationThread.tsx';
import { shorten } from '../../components/graphemes.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { RelationshipButton } from '../../components/RelationshipButton.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useInvitations } from '../../hooks/useInvitations.ts';
import { AllowanceCard } from './AllowanceCard.tsx';
import { firstName } from './evidenceText.ts';
import { PagedList } from '../../components/PagedList.tsx';

/** Invitations waiting for an answer, under the allowance that limits them. Ignored ones stay "pending" here on purpose: ignoring is silent. */
export function SentInvitations() {
  const { t } = useTranslation('network');
  const query = useInvitations('sent');
  return (
    <Stack gap="md">
      <AllowanceCard />
      <PagedList
        query={query}
        label={t('sent.list')}
        loadingLabel={t('sent.loading')}
        empty={
          <EmptyState
            title={t('sent.emptyTitle')}
            action={
              <NextSteps
                steps={[
                  { to: '/network?tab=suggestions', label: t('steps.suggestions') },
                  { to: '/members', label: t('steps.members') },
                ]}
              />
            }
          >
            {t('sent.emptyText')}
          </EmptyState>
        }
        renderItem={(inv) => <SentInvitation invitation={inv} />}
      />
    </Stack>
  );
}

function SentInvitation({ invitation }: { invitation: InvitationView }) {
  const { t } = useTranslation('network');
  const { to } = invitation;
  const [replying, reply] = useDisclosure(false);
  const last = invitation.thread.at(-1);
  const waitingForYou = last !== undefined && last.author.id === to.id;
  return (
    <Stack gap="xs" pb="xs">
      <PersonCardItem
        person={to}
        extra={
          <>
            <Text size="xs" c="dimmed">
              <TimeAgo iso={invitation.createdAt} prefix={t('sent.sentAgo')} />
              {invitation.note ? (
                <>
                  {' · “'}
                  <bdi>{shorten(invitation.note, 80)}</bdi>”
                </>
              ) : null}
            </Text>
            {waitingForYou && (
              <Text size="sm" fw={600}>
                <Trans t={t} i18nKey="sent.askedForContext" values={{ name: firstName(to.name) }} components={{ bdi: <bdi /> }} />
              </Text>
            )}
          </>
        }
        actions={
          <>
            {invitation.thread.length > 0 && (
              <Button size="xs" variant="light" onClick={reply.toggle} aria-expanded={replying} aria-label={t('sent.replyLabel', { name: to.name })}>
                {t('sent.reply')}
              </Button>
            )}
            <RelationshipButton
              change={() => networkApi.answer(invitation.id, 'withdraw')}
              done={<Trans t={t} i18nKey="sent.withdrawn" values={{ name: to.name }} components={{ bdi: <bdi /> }} />}
              label={t('sent.withdraw')}
              accessibleLabel={t('sent.withdrawLabel', { name: to.name })}
            />
          </>
        }
      />
      {invitation.thread.length > 0 && (
        <Stack gap="xs" pl={{ base: 0, sm: 68 }}>
          <ThreadMessages messages={invitation.thread} label={t('invitation.conversation', { name: to.name })} />
          {replying && (
            <ThreadComposer
              invitationId={invitation.id}
              label={<Trans t={t} i18nKey="sent.replyField" values={{ name: firstName(to.name) }} components={{ bdi: <bdi /> }} />}
              submitLabel={t('sent.sendReply')}
              sentMessage={<Trans t={t} i18nKey="sent.replySent" values={{ name: to.name }} components={{ bdi: <bdi /> }} />}
              onSent={reply.close}
              onCancel={reply.close}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
