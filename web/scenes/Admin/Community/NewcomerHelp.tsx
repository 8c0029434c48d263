import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityApi, type CommunityNewcomer } from '../../../api/community.ts';
import { errorMessage } from '../../../api/client.ts';

/**
 * The ways to help one newcomer in: a welcome post by the operator that mentions them, pre-filled in the
 * operator's language and editable before it goes out. Nothing is posted without the operator's click.
 */
export function NewcomerHelp({ newcomer }: { newcomer: CommunityNewcomer }) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const welcome = useMutation({
    mutationFn: () => communityApi.welcome(newcomer.handle, text),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('community.welcome.done', { name: newcomer.name }) });
      setOpen(false);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const start = () => {
    setText(t('community.welcome.template', { name: newcomer.name, handle: newcomer.handle }));
    setOpen(true);
  };

  return (
    <>
      <Button size="xs" variant="light" onClick={start} aria-label={t('community.welcome.openLabel', { name: newcomer.name })}>
        {t('community.welcome.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('community.welcome.title', { name: newcomer.name })}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('community.welcome.intro', { name: newcomer.name })}
          </Text>
          <Textarea label={t('community.welcome.label')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={4} maxLength={2900} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('community.welcome.cancel')}
            </Button>
            <Button onClick={() => welcome.mutate()} loading={welcome.isPending} disabled={text.trim() === ''}>
              {t('community.welcome.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
