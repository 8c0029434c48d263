import { Anchor, Button, MultiSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { contactsApi, type ContactView } from '../../api/contacts.ts';
import { keys } from '../../api/keys.ts';
import { relationshipsApi } from '../../api/relationships.ts';
import { FormError } from '../../components/FormError.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { contactKeys } from './contactWords.ts';

/** A contact opened up: my private notes on them (read and add) and my tags on them. */
export function ContactDetails({ contact }: { contact: ContactView }) {
  return (
    <Stack gap="md" pt="sm">
      <ContactTags contact={contact} />
      <ContactNotes contact={contact} />
    </Stack>
  );
}

function ContactTags({ contact }: { contact: ContactView }) {
  const { t } = useTranslation('contacts');
  const client = useQueryClient();
  const tags = useQuery({ queryKey: keys.relationshipTags, queryFn: relationshipsApi.tags });
  const [value, setValue] = useState(() => contact.tags.map((tag) => String(tag.id)));
  const save = useMutation({
    mutationFn: (ids: string[]) => contactsApi.setTags(contact.id, ids.map(Number)),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('tags.saved') });
      void client.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
  const options = (tags.data?.items ?? []).map((tag) => ({ value: String(tag.id), label: tag.name }));
  if (tags.isSuccess && options.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        <Anchor component={Link} to="/relationships">
          {t('tags.none')}
        </Anchor>
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <MultiSelect
        label={t('tags.label')}
        placeholder={value.length ? undefined : t('tags.placeholder')}
        data={options}
        value={value}
        onChange={(ids) => {
          setValue(ids);
          save.mutate(ids);
        }}
        searchable
        clearable
        maw={420}
      />
      <FormError error={save.error} />
    </Stack>
  );
}

function ContactNotes({ contact }: { contact: ContactView }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const client = useQueryClient();
  const notes = useQuery({ queryKey: contactKeys.notes(contact.id), queryFn: () => contactsApi.notes(contact.id) });
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => contactsApi.addNote(contact.id, text.trim()),
    onSuccess: () => {
      setText('');
      notifications.show({ color: 'teal', message: t('notes.added') });
      void client.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) add.mutate();
  };
  return (
    <Stack gap="xs">
      <Title order={3} fz="sm">
        {t('notes.title')}
      </Title>
      {notes.isPending ? (
        <PageLoader label={t('notes.loading')} />
      ) : notes.error ? (
        <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notes.none')}
        </Text>
      ) : (
        <ul aria-label={t('notes.list', { name: contact.name })} style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {notes.data.items.map((note) => (
            <li key={note.id}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {note.text}
              </Text>
              <Text size="xs" c="dimmed">
                {format.date(note.notedOn ?? note.createdAt)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={submit}>
        <Stack gap="xs" align="flex-start">
          <Textarea
            label={t('notes.label')}
            placeholder={t('notes.placeholder')}
            autosize
            minRows={2}
            maxLength={LIMITS.relationshipNoteMax}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w="100%"
            maw={560}
          />
          <FormError error={add.error} />
          <Button type="submit" size="xs" variant="light" loading={add.isPending} disabled={!text.trim()}>
            {t('notes.add')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
