import { Group, Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { directoryApi } from '../api/directory.ts';
import { keys } from '../api/keys.ts';
import type { PersonCard, PersonCardWithConnection } from '../api/types.ts';
import { DegreeBadge } from './DegreeBadge.tsx';
import { PersonAvatar } from './PersonAvatar.tsx';

export type PickedPerson = Pick<PersonCard, 'handle' | 'name' | 'photoUrl' | 'degree' | 'headline'>;

interface Props {
  value: PickedPerson[];
  onChange: (value: PickedPerson[]) => void;
  /** Which search results may be picked (e.g. only people the server says can be messaged). */
  offers: (person: PersonCardWithConnection) => boolean;
  max: number;
  /** The caller's words: label, hint, placeholder and "no matches". */
  words: { label: string; description: string; placeholder: string; noMatches: string };
  error?: string | null;
}

/**
 * Several members picked from the people search as their names are typed, each option with photo, degree and
 * headline. Those chosen keep their card while the search moves on. The server checks each handle again.
 */
export function PeopleSearchPicker({ value, onChange, offers, max, words, error }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: keys.search({ q }),
    queryFn: () => directoryApi.search({ q }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const offered = q ? (found.data?.items ?? []).filter(offers) : [];
  const known = new Map<string, PickedPerson>([...offered, ...value].map((p) => [p.handle, p]));
  const data = [...known.values()].map((p) => ({ value: p.handle, label: p.name }));
  return (
    <MultiSelect
      label={words.label}
      description={words.description}
      placeholder={value.length === 0 ? words.placeholder : undefined}
      data={data}
      value={value.map((p) => p.handle)}
      onChange={(handles) => onChange(handles.flatMap((h) => known.get(h) ?? []))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      maxValues={max}
      hidePickedOptions
      nothingFoundMessage={q && !found.isFetching ? words.noMatches : undefined}
      rightSection={found.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      error={error}
      required
      renderOption={({ option }) => {
        const person = known.get(option.value);
        return (
          <Group gap="sm" wrap="nowrap">
            <PersonAvatar name={option.label} photoUrl={person?.photoUrl} size={28} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" dir="auto">
                  {option.label}
                </Text>
                <DegreeBadge degree={person?.degree} />
              </Group>
              {person?.headline && (
                <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
                  {person.headline}
                </Text>
              )}
            </Stack>
          </Group>
        );
      }}
    />
  );
}
