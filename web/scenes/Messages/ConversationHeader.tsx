import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconBellOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationSummary } from '../../api/messages.ts';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { ConversationAvatar } from './ConversationAvatar.tsx';
import { ConversationMenu } from './ConversationMenu.tsx';
import { useNames } from './useNames.ts';

/** Who the conversation is with (a one-to-one's member linked to their profile, with degree and headline), its marks, and "More". */
export function ConversationHeader({ conversation: c, headingId, onGone }: { conversation: ConversationSummary; headingId: string; onGone: () => void }) {
  const { t } = useTranslation('messages');
  const names = useNames(c);
  const peer = c.kind === 'direct' ? c.members[0] : undefined;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb="md">
      <Group wrap="nowrap" gap="sm" align="flex-start" style={{ minWidth: 0 }}>
        <ConversationAvatar members={c.members} size={44} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} fz="h4" id={headingId} dir="auto">
            {peer ? (
              <Anchor component={Link} to={`/in/${peer.handle}`} inherit c="inherit" underline="hover">
                {peer.name}
              </Anchor>
            ) : (
              names
            )}
          </Title>
          {peer ? (
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <DegreeBadge degree={peer.degree} showOutOfNetwork />
              {peer.headline && (
                <Text size="sm" c="dimmed" lineClamp={1} dir="auto">
                  {peer.headline}
                </Text>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {c.peerDeleted ? t('conversation.peerDeleted') : t('conversation.members', { count: c.members.length })}
            </Text>
          )}
          {(c.muted || c.archived) && (
            <Group gap={6}>
              {c.muted && (
                <Badge size="sm" variant="outline" color="gray" leftSection={<IconBellOff size={12} aria-hidden />}>
                  {t('conversation.mutedMark')}
                </Badge>
              )}
              {c.archived && (
                <Badge size="sm" variant="outline" color="gray" leftSection={<IconArchive size={12} aria-hidden />}>
                  {t('conversation.archivedMark')}
                </Badge>
              )}
            </Group>
          )}
        </Stack>
      </Group>
      <ConversationMenu conversation={c} onGone={onGone} />
    </Group>
  );
}
