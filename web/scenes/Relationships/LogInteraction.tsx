import { Button, type ButtonProps, Select } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LOGGED_INTERACTION_KINDS, type LoggedInteractionKind } from '../../../common/relationships.ts';
import { keys } from '../../api/keys.ts';
import { relationshipsApi } from '../../api/relationships.ts';
import { DatedNoteDialog } from './DatedNoteDialog.tsx';

/** "Log a meeting or call": a dialog that records one by hand, which resets the stay-in-touch clock. */
export function LogInteractionButton({ handle, name, label, size = 'sm', variant = 'default' }: { handle: string; name: string; label?: string; size?: ButtonProps['size']; variant?: ButtonProps['variant'] }) {
  const { t } = useTranslation('relationships');
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [kind, setKind] = useState<LoggedInteractionKind>('meeting');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const log = useMutation({
    mutationFn: () => relationshipsApi.log(handle, { kind, ...(date ? { date } : {}), ...(note.trim() ? { note } : {}) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.relationships });
      notifications.show({ color: 'teal', message: t('log.done') });
      setDate('');
      setNote('');
      close();
    },
  });
  return (
    <>
      <Button size={size} variant={variant} onClick={open} aria-label={t('log.buttonLabel', { name })} style={{ alignSelf: 'flex-start' }}>
        {label ?? t('log.button')}
      </Button>
      <DatedNoteDialog
        opened={opened}
        onClose={close}
        title={<Trans t={t} i18nKey="log.title" values={{ name }} components={{ bdi: <bdi /> }} />}
        date={date}
        onDate={setDate}
        note={note}
        onNote={setNote}
        labels={{ date: t('log.dateLabel'), note: t('log.noteLabel'), submit: t('log.submit') }}
        onSubmit={() => log.mutate()}
        pending={log.isPending}
        error={log.error}
      >
        <Select
          label={t('log.kindLabel')}
          data={LOGGED_INTERACTION_KINDS.map((k) => ({ value: k, label: t(`log.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as LoggedInteractionKind)}
          allowDeselect={false}
          data-autofocus
        />
      </DatedNoteDialog>
    </>
  );
}
