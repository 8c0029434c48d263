import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { introductionsApi } from '../../api/introductions.ts';
import { keys } from '../../api/keys.ts';
import type { PersonCard } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';

const BDI = { bdi: <bdi /> };

interface Props {
  person: { handle: string; name: string };
  /** The introduction paths, each [viewer, …introducers, person], as GET /members/:handle/paths gives them. */
  paths: PersonCard[][];
  opened: boolean;
  onClose: () => void;
}

/** "Ask for an introduction": choose a path (its introducers, as people) and write a blurb they can forward. */
export function AskIntroductionDialog({ person, paths, opened, onClose }: Props) {
  const { t } = useTranslation('introductions');
  const format = useFormat();
  const client = useQueryClient();
  const [choice, setChoice] = useState('0');
  const [blurb, setBlurb] = useState('');
  const via = (paths[Number(choice)] ?? []).slice(1, -1);
  const ask = useMutation({
    mutationFn: () => introductionsApi.ask(person.handle, via.map((p) => p.handle), blurb.trim()),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: <Trans t={t} i18nKey="ask.sent" values={{ name: via[0]?.name ?? '' }} components={BDI} /> });
      setBlurb('');
      close();
      await client.invalidateQueries({ queryKey: keys.introductions });
    },
  });
  const close = () => {
    ask.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <Modal opened={opened} onClose={close} title={<Trans t={t} i18nKey="ask.title" values={{ name: person.name }} components={BDI} />}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            <Trans t={t} i18nKey="ask.intro" values={{ name: person.name }} components={BDI} />
          </Text>
          <Radio.Group label={t('ask.paths')} value={choice} onChange={setChoice}>
            <Stack gap="xs" mt="xs">
              {paths.map((path, n) => (
                <Radio
                  key={path.map((p) => p.id).join('-')}
                  value={String(n)}
                  label={t('ask.through', { names: format.list(path.slice(1, -1).map((p) => p.name)) })}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('ask.blurb')}
            description={t('actions.length', { length: blurb.length, max: LIMITS.introductionBlurbMax })}
            value={blurb}
            onChange={(e) => setBlurb(e.currentTarget.value)}
            maxLength={LIMITS.introductionBlurbMax}
            required
            autosize
            minRows={4}
            maxRows={10}
            data-autofocus
          />
          {ask.error && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(ask.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={ask.isPending} disabled={blurb.trim() === '' || via.length === 0}>
              {t('ask.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
