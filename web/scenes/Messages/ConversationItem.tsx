import { Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationList, ConversationSummary } from '../../api/messages.ts';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { ConversationAvatar } from './ConversationAvatar.tsx';
import classes from './Messages.module.css';
import { conversationPath } from './paths.ts';
import { useNames } from './useNames.ts';

/** One conversation in the list: who, the last message, when, and what is unread or muted; the whole row opens it. */
export function ConversationItem({ conversation: c, folder, active }: { conversation: ConversationSummary; folder: ConversationList; active: boolean }) {
  const { t } = useTranslation('messages');
  const names = useNames(c);
  const unread = c.unreadCount > 0;
  const last = c.lastMessage;
  const snippet =
    last === null ? t('list.noMessages') : last.deleted ? t('conversation.deletedMessage') : last.mine ? t('list.you', { text: last.text }) : last.text;
  const peer = c.kind === 'direct' ? c.members[0] : undefined;
  return (
    <Link to={conversationPath(c.id, folder)} className={classes.item} aria-current={active ? 'page' : undefined}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ConversationAvatar members={c.members} size={40} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" justify="space-between" align="baseline">
            <Text size="sm" fw={unread ? 700 : 600} dir="auto" style={{ minWidth: 0 }}>
              {names}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              <TimeAgo iso={c.lastActivityAt} />
            </Text>
          </Group>
          {peer && <DegreeBadge degree={peer.degree} />}
          <Text size="sm" c={unread ? undefined : 'dimmed'} fw={unread ? 600 : 400} lineClamp={2} dir="auto">
            {snippet}
          </Text>
          {(unread || c.muted) && (
            <Group gap={6}>
              {unread && (
                <>
                  <Badge size="sm" color="red" aria-hidden>
                    {c.unreadCount > 99 ? '99+' : c.unreadCount}
                  </Badge>
                  <VisuallyHidden> {c.unreadCount > 99 ? t('list.manyUnread') : t('list.unread', { count: c.unreadCount })}</VisuallyHidden>
                </>
              )}
              {c.muted && (
                <Badge size="sm" variant="outline" color="gray" leftSection={<IconBellOff size={12} aria-hidden />}>
                  {t('list.muted')}
                </Badge>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Link>
  );
}
