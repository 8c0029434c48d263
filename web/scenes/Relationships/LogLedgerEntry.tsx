import { Button, type ButtonProps, Select } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LEDGER_SIDES, type LedgerSide, LOGGABLE_LEDGER_SUBJECTS, type LoggableLedgerSubject } from '../../../common/ledger.ts';
import { keys } from '../../api/keys.ts';
import { ledgerApi } from '../../api/ledger.ts';
import { DatedNoteDialog } from './DatedNoteDialog.tsx';

/** "Log a give or ask": help, advice, a referral or an introduction Rapport could not see, either way. */
export function LogLedgerEntryButton({ handle, name, size = 'sm' }: { handle: string; name: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation('relationships');
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [subject, setSubject] = useState<LoggableLedgerSubject>('help');
  const [side, setSide] = useState<LedgerSide>('given');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const log = useMutation({
    mutationFn: () => ledgerApi.log(handle, { subject, side, ...(date ? { date } : {}), ...(note.trim() ? { note } : {}) }),
    onSuccess: (tally) => {
      client.setQueryData(keys.ledgerWith(handle), tally);
      void client.invalidateQueries({ queryKey: keys.relationships });
      notifications.show({ color: 'teal', message: t('ledger.log.done') });
      setDate('');
      setNote('');
      close();
    },
  });
  return (
    <>
      <Button size={size} variant="default" onClick={open} aria-label={t('ledger.log.buttonLabel', { name })} style={{ alignSelf: 'flex-start' }}>
        {t('ledger.log.button')}
      </Button>
      <DatedNoteDialog
        opened={opened}
        onClose={close}
        title={<Trans t={t} i18nKey="ledger.log.title" values={{ name }} components={{ bdi: <bdi /> }} />}
        date={date}
        onDate={setDate}
        note={note}
        onNote={setNote}
        labels={{ date: t('ledger.log.dateLabel'), note: t('ledger.log.noteLabel'), submit: t('ledger.log.submit') }}
        onSubmit={() => log.mutate()}
        pending={log.isPending}
        error={log.error}
      >
        <Select
          label={t('ledger.log.subjectLabel')}
          data={LOGGABLE_LEDGER_SUBJECTS.map((s) => ({ value: s, label: t(`ledger.subjects.${s}`) }))}
          value={subject}
          onChange={(v) => v && setSubject(v as LoggableLedgerSubject)}
          allowDeselect={false}
          data-autofocus
        />
        <Select
          label={t('ledger.log.sideLabel')}
          data={LEDGER_SIDES.map((s) => ({ value: s, label: t(`ledger.sides.${s}`) }))}
          value={side}
          onChange={(v) => v && setSide(v as LedgerSide)}
          allowDeselect={false}
        />
      </DatedNoteDialog>
    </>
  );
}
