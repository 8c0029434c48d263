import { notifications } from '@mantine/notifications';
import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconBan, IconBell, IconBellOff, IconDots, IconFlag, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../api/messages.ts';
import type { PersonCard } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ConversationPeopleDialogs, type PersonDialog } from './ConversationPeopleDialogs.tsx';
import { useConversationAction, useDeleteForMe } from './useConversationActions.ts';
import { useNames } from './useNames.ts';

const BDI = { bdi: <bdi /> };
/** Red with enough contrast on white for text (Mantine's menu red is 3.3:1). */
const DANGER = 'var(--mantine-color-red-9)';

/**
 * The conversation's own actions behind "More": archive, mute, delete for me (after asking), and report or
 * block each other member. Blocking a one-to-one's member hides the conversation, so `onGone` leaves it.
 */
export function ConversationMenu({ conversation: c, onGone }: { conversation: ConversationSummary; onGone: () => void }) {
  const { t } = useTranslation('messages');
  const names = useNames(c);
  const [confirming, setConfirming] = useState(false);
  const [dialog, setDialog] = useState<PersonDialog | null>(null);
  const act = useConversationAction();
  const remove = useDeleteForMe(() => {
    notifications.show({ color: 'teal', message: t('conversation.deleted') });
    onGone();
  });
  const item = (label: string, icon: ReactNode, onClick: () => void) => (
    <Menu.Item leftSection={icon} onClick={onClick} disabled={act.isPending}>
      {label}
    </Menu.Item>
  );
  const person = (m: PersonCard) => ({ handle: m.handle, name: m.name });
  return (
    <>
      {/* In the page (not a portal), so the open menu stays inside the main landmark. */}
      <Menu position="bottom-end" withArrow withinPortal={false}>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('conversation.more', { names })}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {c.archived
            ? item(t('conversation.unarchive'), <IconArchiveOff size={16} aria-hidden />, () => act.mutate({ id: c.id, action: 'unarchive' }))
            : item(t('conversation.archive'), <IconArchive size={16} aria-hidden />, () => act.mutate({ id: c.id, action: 'archive' }))}
          {c.muted
            ? item(t('conversation.unmute'), <IconBell size={16} aria-hidden />, () => act.mutate({ id: c.id, action: 'unmute' }))
            : item(t('conversation.mute'), <IconBellOff size={16} aria-hidden />, () => act.mutate({ id: c.id, action: 'mute' }))}
          <Menu.Item leftSection={<IconTrash size={16} aria-hidden color={DANGER} />} onClick={() => setConfirming(true)}>
            <Text span inherit c={DANGER}>
              {t('conversation.delete')}
            </Text>
          </Menu.Item>
          {c.members.length > 0 && <Menu.Divider />}
          {c.members.map((m) => (
            <Menu.Item key={`report-${m.id}`} leftSection={<IconFlag size={16} aria-hidden />} onClick={() => setDialog({ kind: 'report', person: person(m) })}>
              <Trans t={t} i18nKey="conversation.report" values={{ name: m.name }} components={BDI} />
            </Menu.Item>
          ))}
          {c.members.map((m) => (
            <Menu.Item key={`block-${m.id}`} leftSection={<IconBan size={16} aria-hidden color={DANGER} />} onClick={() => setDialog({ kind: 'block', person: person(m) })}>
              <Text span inherit c={DANGER}>
                <Trans t={t} i18nKey="conversation.block" values={{ name: m.name }} components={BDI} />
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={confirming}
        title={t('conversation.deleteTitle')}
        confirmLabel={t('conversation.delete')}
        danger
        returnFocus={false}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(c.id, { onSuccess: () => setConfirming(false) })}
      >
        {t('conversation.deleteBody')}
      </ConfirmDialog>
      <ConversationPeopleDialogs dialog={dialog} direct={c.kind === 'direct'} onClose={() => setDialog(null)} onGone={onGone} />
    </>
  );
}
