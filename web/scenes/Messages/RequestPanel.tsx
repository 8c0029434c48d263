import { notifications } from '@mantine/notifications';
import { Alert, Button, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCheck, IconFlag, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../api/messages.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ConversationPeopleDialogs, type PersonDialog } from './ConversationPeopleDialogs.tsx';
import { useConversationAction, useDeleteForMe } from './useConversationActions.ts';
import { useNames } from './useNames.ts';

const BDI = { bdi: <bdi /> };

interface Props {
  conversation: ConversationSummary;
  /** Accepted: the conversation is in the inbox now, and the reply box takes over. */
  onAccepted: () => void;
  /** Deleted for me, or its member blocked: the request is gone. */
  onGone: () => void;
}

/**
 * A message request, above its messages: what accepting does, the warnings the platform attaches (a new
 * account, an open moderation flag), and Accept, Delete, Report and Block. Nobody is told about any of it.
 */
export function RequestPanel({ conversation: c, onAccepted, onGone }: Props) {
  const { t } = useTranslation('messages');
  const names = useNames(c);
  const [confirming, setConfirming] = useState(false);
  const [dialog, setDialog] = useState<PersonDialog | null>(null);
  const accept = useConversationAction((action) => action === 'accept' && onAccepted());
  const remove = useDeleteForMe(() => {
    notifications.show({ color: 'teal', message: t('request.deleted') });
    onGone();
  });
  const peer = c.kind === 'direct' ? c.members[0] : undefined;
  return (
    <Alert variant="light" color="brand" title={t('request.title')} mb="md">
      <Stack gap="sm">
        <Text size="sm">{t('request.body')}</Text>
        {c.warnings.length > 0 && (
          <Paper withBorder p="sm" radius="sm">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" color="orange" size="md" aria-hidden>
                <IconAlertTriangle size={18} />
              </ThemeIcon>
              <Stack gap={4}>
                <Text size="sm" fw={700}>
                  {t('request.warningsTitle')}
                </Text>
                <List size="sm" spacing={4}>
                  {c.warnings.map((w) => (
                    <List.Item key={w}>{t(`request.warnings.${w}`)}</List.Item>
                  ))}
                </List>
              </Stack>
            </Group>
          </Paper>
        )}
        <Group gap="xs" wrap="wrap">
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            loading={accept.isPending}
            onClick={() => accept.mutate({ id: c.id, action: 'accept' })}
            aria-label={t('request.acceptLabel', { names })}
          >
            {t('request.accept')}
          </Button>
          <Button variant="default" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming(true)} aria-label={t('request.deleteLabel', { names })}>
            {t('request.delete')}
          </Button>
          {peer && (
            <>
              <Button variant="subtle" leftSection={<IconFlag size={16} aria-hidden />} onClick={() => setDialog({ kind: 'report', person: peer })}>
                {/* A span: the button's label is a flex box, which would drop the space before the name. */}
                <span>
                  <Trans t={t} i18nKey="conversation.report" values={{ name: peer.name }} components={BDI} />
                </span>
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={() => setDialog({ kind: 'block', person: peer })}>
                <span>
                  <Trans t={t} i18nKey="conversation.block" values={{ name: peer.name }} components={BDI} />
                </span>
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('request.deleteTitle')}
        confirmLabel={t('request.delete')}
        danger
        returnFocus={false}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(c.id, { onSuccess: () => setConfirming(false) })}
      >
        {t('request.deleteBody')}
      </ConfirmDialog>
      <ConversationPeopleDialogs dialog={dialog} direct={c.kind === 'direct'} onClose={() => setDialog(null)} onGone={onGone} />
    </Alert>
  );
}
