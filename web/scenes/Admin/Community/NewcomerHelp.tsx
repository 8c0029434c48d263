import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityApi, type CommunityNewcomer } from '../../../api/community.ts';
import { errorMessage } from '../../../api/client.ts';

/**
 * The ways to help one newcomer in: people to meet, picked by the server and sent to the newcomer as one
 * notification (the page then says who), and a welcome post by the operator that mentions them, pre-filled
 * in the operator's language and editable before it goes out. Nothing is sent without the operator's click.
 */
export function NewcomerHelp({ newcomer }: { newcomer: CommunityNewcomer }) {
  const { t, i18n } = useTranslation('admin');
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
  const [suggested, setSuggested] = useState<string | null>(null);
  const list = (names: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names);
  const suggest = useMutation({
    mutationFn: () => communityApi.suggest(newcomer.handle),
    onSuccess: ({ people }) => {
      const names = list(people.map((p) => p.name));
      setSuggested(names);
      notifications.show({ color: 'teal', message: t('community.suggest.done', { name: newcomer.name, people: names }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const start = () => {
    setText(t('community.welcome.template', { name: newcomer.name, handle: newcomer.handle }));
    setOpen(true);
  };

  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" wrap="wrap" justify="flex-end">
        <Button
          size="xs"
          variant="light"
          onClick={() => suggest.mutate()}
          loading={suggest.isPending}
          aria-label={t('community.suggest.openLabel', { name: newcomer.name })}
        >
          {t('community.suggest.open')}
        </Button>
        <Button size="xs" variant="light" onClick={start} aria-label={t('community.welcome.openLabel', { name: newcomer.name })}>
          {t('community.welcome.open')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" role="status" data-testid="community-newcomer-suggested">
        {suggested && t('community.suggest.result', { people: suggested })}
      </Text>
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
    </Stack>
  );
}
