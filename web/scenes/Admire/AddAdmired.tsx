import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIRE_NOTE_MAX } from '../../../common/admire.ts';
import { admireApi } from '../../api/admire.ts';
import { errorMessage } from '../../api/client.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import { OrganisationAutocomplete } from '../../components/OrganisationAutocomplete.tsx';
import { useOrganisationSuggest } from '../../hooks/useOrganisationSuggest.ts';

const HEADING_ID = 'admire-add';
type Kind = 'person' | 'organisation';

/** Members matching what is typed, through the member search, debounced so each keystroke is not a request. */
function useMemberSuggest(input: string) {
  const [debounced] = useDebouncedValue(input.trim(), 200);
  const query = useQuery({
    queryKey: keys.search({ q: debounced }),
    queryFn: () => directoryApi.search({ q: debounced }),
    enabled: debounced.length > 1,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return debounced.length > 1 ? (query.data?.items ?? []).filter((p) => p.connection !== 'self') : [];
}

/** Add a person (searched by name) or an organisation (from the organisations on Rapport) with an optional note. */
export function AddAdmired() {
  const { t } = useTranslation('admire');
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('person');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const handle = chosen?.value ?? null;
  const [orgName, setOrgName] = useState('');
  const [note, setNote] = useState('');
  const people = useMemberSuggest(search);
  const organisations = useOrganisationSuggest(orgName).items;
  const slug = organisations.find((o) => o.name === orgName)?.slug ?? null;
  const add = useMutation({
    mutationFn: () => admireApi.add(kind === 'person' ? { member: handle! } : { organisation: slug! }, note.trim()),
    onSuccess: async ({ entry }) => {
      const name = entry.member?.person.name ?? entry.organisation?.name ?? '';
      notifications.show({ color: 'teal', message: t('add.added', { name }) });
      setSearch('');
      setChosen(null);
      setOrgName('');
      setNote('');
      await client.invalidateQueries({ queryKey: keys.admire });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const ready = kind === 'person' ? handle !== null : slug !== null;
  return (
    <Paper component="section" aria-labelledby={HEADING_ID} p="md" radius="md">
      <Title order={2} fz="h4" id={HEADING_ID} mb="sm">
        {t('add.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('add.kind')}
            value={kind}
            onChange={(v) => {
              setKind(v as Kind);
              add.reset();
            }}
            data={[
              { value: 'person', label: t('add.person') },
              { value: 'organisation', label: t('add.organisation') },
            ]}
            w="fit-content"
          />
          {kind === 'person' ? (
            <Select
              label={t('add.personLabel')}
              placeholder={t('add.personPlaceholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              value={handle}
              onChange={(_, option) => setChosen(option)}
              // The chosen person stays an option while the search moves on to their name.
              data={[...new Map([...(chosen ? [chosen] : []), ...people.map((p) => ({ value: p.handle, label: p.name }))].map((o) => [o.value, o])).values()]}
              filter={({ options }) => options}
              clearable
            />
          ) : (
            <OrganisationAutocomplete label={t('add.organisationLabel')} placeholder={t('add.organisationPlaceholder')} value={orgName} onChange={setOrgName} />
          )}
          <TextInput label={t('add.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={ADMIRE_NOTE_MAX} />
          {add.error && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(add.error)}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={add.isPending} disabled={!ready}>
              {t('add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
