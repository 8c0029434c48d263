import { ActionIcon, Anchor, Group, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconFlag, IconLink } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import type { MessageView } from '../../api/messages.ts';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { MEMBER_LINK_REL, safeHref } from './linkify.ts';
import classes from './Messages.module.css';
import { MessageText } from './MessageText.tsx';

/**
 * One message: mine on the end side, others' on the start side. The sender's name shows when it changes from
 * the message before; a screen reader hears who wrote each one. Another member's message has a menu (a
 * button, so keyboard users reach it with Tab) to report that message. A deleted member's message is a
 * tombstone: "Deleted member", and that the message went with their account.
 */
export function MessageItem({ message: m, showSender, onReport }: { message: MessageView; showSender: boolean; onReport?: (message: MessageView) => void }) {
  const { t } = useTranslation('messages');
  const link = m.link ? safeHref(m.link.url) : null;
  const name = m.sender?.name ?? t('conversation.deletedMember');
  return (
    <div className={m.mine ? `${classes.message} ${classes.mine}` : classes.message}>
      <Group gap={6} wrap="wrap">
        {showSender &&
          // Seen, not heard: the hidden "From …" below names the sender of every message.
          <Text size="xs" fw={600} dir="auto" aria-hidden>
            {m.mine ? t('conversation.you') : name}
          </Text>}
        <VisuallyHidden>{m.mine ? t('conversation.fromYou') : <Trans t={t} i18nKey="conversation.from" values={{ name }} components={{ bdi: <bdi /> }} />}</VisuallyHidden>
        <Text size="xs" c="dimmed">
          <TimeAgo iso={m.createdAt} />
        </Text>
        {onReport && !m.mine && !m.removed && !m.deleted && (
          <Menu position="bottom-start" withArrow>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('conversation.messageMenu', { name })}>
                <IconDots size={14} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconFlag size={16} aria-hidden />} onClick={() => onReport(m)}>
                {t('conversation.reportMessage')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <div className={classes.bubble}>
        {m.deleted || m.removed ? (
          <Text size="sm" fs="italic" c="dimmed">
            {m.deleted ? t('conversation.deletedMessage') : t('conversation.removed')}
          </Text>
        ) : (
          <MessageText text={m.text} />
        )}
        {m.image && (
          // The server re-encoded it and serves it only to this conversation's members; its alt text is the sender's words.
          <img src={m.image.url} alt={m.image.alt} width={m.image.width} height={m.image.height} className={classes.image} loading="lazy" />
        )}
        {m.link && (
          <Group gap={4} wrap="nowrap" mt={4} align="center">
            <IconLink size={14} aria-hidden style={{ flexShrink: 0 }} />
            <VisuallyHidden>{t('conversation.link')}</VisuallyHidden>
            {link ? (
              <Anchor href={link} target="_blank" rel={MEMBER_LINK_REL} size="sm" underline="always" style={{ minWidth: 0 }}>
                {m.link.url}
              </Anchor>
            ) : (
              <Text size="sm">{m.link.url}</Text>
            )}
          </Group>
        )}
      </div>
    </div>
  );
}
