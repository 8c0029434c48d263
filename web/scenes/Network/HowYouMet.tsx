import { Blockquote, Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { screeningApi } from '../../api/screening.ts';
import type { ConnectionCard } from '../../api/types.ts';
import { ThreadMessages } from '../../components/InvitationThread.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useMe } from '../../hooks/useMe.ts';

const CONTEXTS = ['profile', 'search', 'suggestion', 'import', 'comment', 'introduction', 'network', 'directory'] as const;
const isContext = (c: string): c is (typeof CONTEXTS)[number] => (CONTEXTS as readonly string[]).includes(c);

/**
 * "How you met": where a connection began, and a way to reopen its invitation with the note and the "ask
 * for context" thread. A connection made from a comment names the post it was under: "a comment on Ana's
 * post", or "on your post" when the viewer wrote it.
 */
export function HowYouMet({ connection }: { connection: ConnectionCard }) {
  const { t } = useTranslation('network');
  const { data: me } = useMe();
  const origin = connection.origin;
  if (!origin) return null;
  const postAuthor = origin.context === 'comment' ? origin.comment?.postAuthor : null;
  return (
    <>
      <Text size="xs" c="dimmed">
        {postAuthor ? (
          postAuthor.handle === me?.handle ? (
            t('howYouMet.commentOnYourPost')
          ) : (
            <Trans t={t} i18nKey="howYouMet.commentOnPost" values={{ name: postAuthor.name }} components={{ bdi: <bdi /> }} />
          )
        ) : (
          t('howYouMet.line', { how: isContext(origin.context) ? t(`howYouMet.contexts.${origin.context}`) : origin.context })
        )}
      </Text>
      {origin.invitationId !== null && <HowYouMetButton name={connection.name} invitationId={origin.invitationId} />}
    </>
  );
}

/** Opens the invitation that connected the viewer and `name`, with its note and "ask for context" thread. */
export function HowYouMetButton({ name, invitationId, size = 'compact-xs' }: { name: string; invitationId: number; size?: 'compact-xs' | 'sm' }) {
  const { t } = useTranslation('network');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size={size} variant="subtle" onClick={open} style={{ alignSelf: 'flex-start' }} aria-label={t('howYouMet.buttonLabel', { name })}>
        {size === 'sm' ? t('howYouMet.button') : t('howYouMet.viewInvitation')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={<Trans t={t} i18nKey="howYouMet.title" values={{ name }} components={{ bdi: <bdi /> }} />}
      >
        {opened && <InvitationStory invitationId={invitationId} />}
      </Modal>
    </>
  );
}

function InvitationStory({ invitationId }: { invitationId: number }) {
  const { t } = useTranslation('network');
  const query = useQuery({ queryKey: keys.invitation(invitationId), queryFn: () => screeningApi.invitation(invitationId) });
  if (query.isPending) return <PageLoader label={t('howYouMet.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const inv = query.data.invitation;
  return (
    <Stack gap="sm">
      <Text size="sm">
        <Trans
          t={t}
          i18nKey="howYouMet.invited"
          values={{ from: inv.from.name, to: inv.to.name }}
          components={{ bdi: <bdi />, time: <TimeAgo iso={inv.createdAt} /> }}
        />
      </Text>
      {inv.note ? (
        <Blockquote
          p="xs"
          radius="sm"
          cite={<Trans t={t} i18nKey="howYouMet.noteFrom" values={{ name: inv.from.name }} components={{ bdi: <bdi /> }} />}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dir="auto">
            {inv.note}
          </Text>
        </Blockquote>
      ) : (
        <Text size="sm" c="dimmed">
          {t('howYouMet.noNote')}
        </Text>
      )}
      {inv.thread.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            {t('howYouMet.before')}
          </Text>
          <ThreadMessages messages={inv.thread} label={t('howYouMet.conversation', { from: inv.from.name, to: inv.to.name })} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('howYouMet.noQuestions')}
        </Text>
      )}
    </Stack>
  );
}
