import { Group, Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_LIMITS } from '../../../common/opportunities.ts';
import { directoryApi } from '../../api/directory.ts';
import { keys } from '../../api/keys.ts';
import type { PersonCard } from '../../api/types.ts';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';

export type Picked = Pick<PersonCard, 'handle' | 'name' | 'photoUrl' | 'degree' | 'headline'>;

interface Props {
  value: Picked[];
  onChange: (value: Picked[]) => void;
  error?: string | null;
}

/**
 * Whom an opportunity came through: members found by the people search as the name is typed (my connections
 * rank first there), up to the limit. The server checks each handle again when the opportunity is logged.
 */
export function PeoplePicker({ value, onChange, error }: Props) {
  // 'people' too: the options' degree badges word it, and loading it only once they appear would suspend the
  // page mid-typing and lose the search.
  const { t } = useTranslation(['opportunities', 'people']);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: keys.search({ q }),
    queryFn: () => directoryApi.search({ q }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const offered = q ? (found.data?.items ?? []).filter((p) => p.connection !== 'self') : [];
  // Those chosen keep their card while the search moves on.
  const known = new Map<string, Picked>([...offered, ...value].map((p) => [p.handle, p]));
  const data = [...known.values()].map((p) => ({ value: p.handle, label: p.name }));
  const max = OPPORTUNITY_LIMITS.peopleMax;
  return (
    <MultiSelect
      label={t('form.people')}
      description={t('form.peopleHint', { max })}
      placeholder={value.length === 0 ? t('form.peoplePlaceholder') : undefined}
      data={data}
      value={value.map((p) => p.handle)}
      onChange={(handles) => onChange(handles.flatMap((h) => known.get(h) ?? []))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      maxValues={max}
      hidePickedOptions
      nothingFoundMessage={q && !found.isFetching ? t('form.noMatches') : undefined}
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
