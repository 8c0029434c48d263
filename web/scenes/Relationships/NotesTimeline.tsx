import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { keys } from '../../api/keys.ts';
import { relationshipsApi } from '../../api/relationships.ts';
import { FormError } from '../../components/FormError.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { useFormat } from '../../i18n/format.ts';

/** My private notes on a person, newest first, with a form to add one (dated with the meeting it records). */
export function NotesTimeline({ handle }: { handle: string }) {
  const { t } = useTranslation('relationships');
  const f = useFormat();
  const client = useQueryClient();
  const query = usePagedQuery(keys.relationshipNotes(handle), (cursor) => relationshipsApi.notes(handle, cursor));
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.relationshipNotes(handle) });
    void client.invalidateQueries({ queryKey: keys.relationship(handle) });
  };
  const add = useMutation({
    mutationFn: () => relationshipsApi.addNote(handle, { text, date: date || null }),
    onSuccess: () => {
      setText('');
      setDate('');
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => relationshipsApi.deleteNote(handle, id), onSuccess: refresh });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} component="h3" m={0}>
        {t('notes.title')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) add.mutate();
        }}
      >
        <Stack gap="xs">
          <Textarea label={t('notes.textLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.relationshipNoteMax} />
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput type="date" label={t('notes.dateLabel')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
            <Button type="submit" loading={add.isPending} disabled={!text.trim()}>
              {t('notes.add')}
            </Button>
          </Group>
          <FormError error={add.error} />
        </Stack>
      </form>
      <PagedList
        query={query}
        label={t('notes.list')}
        loadingLabel={t('panel.loading')}
        empty={
          <Text size="sm" c="dimmed">
            {t('notes.empty')}
          </Text>
        }
        renderItem={(note) => (
          <Stack gap={2} py="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed">
                {note.date ? t('notes.meetingOn', { date: f.date(note.date) }) : f.dateTime(note.createdAt)}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => remove.mutate(note.id)}
                aria-label={t('notes.deleteLabel', { date: f.date(note.date ?? note.createdAt) })}
              >
                {t('notes.delete')}
              </Button>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {note.text}
            </Text>
          </Stack>
        )}
      />
    </Stack>
  );
}
