import { Button, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationFilter } from '../../components/OrganisationFilter.tsx';
import { useProfileOptions } from '../../hooks/useProfileOptions.ts';

export interface DirectoryFilterValues {
  sort: 'newest' | 'name';
  organisation: string;
  orgName: string;
  location: string;
  industry: string;
}

interface Props {
  values: DirectoryFilterValues;
  onChange: (patch: Partial<DirectoryFilterValues>) => void;
  onClear: () => void;
}

/** Order and filters for the member directory; each applies as it changes (the place once typing pauses). */
export function DirectoryFilters({ values, onChange, onClear }: Props) {
  const { t } = useTranslation('directory');
  const industries = useProfileOptions('industries');
  const [place, setPlace] = useState(values.location);
  const applyPlace = useDebouncedCallback((v: string) => onChange({ location: v.trim() }), 350);
  const active = Boolean(values.organisation || values.location || values.industry);
  return (
    <Paper p="md" radius="md" component="section" aria-label={t('filters.label')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="directory-sort-label">
              {t('filters.order')}
            </Text>
            <SegmentedControl
              aria-labelledby="directory-sort-label"
              fullWidth
              value={values.sort}
              onChange={(v) => onChange({ sort: v === 'name' ? 'name' : 'newest' })}
              data={[
                { value: 'newest', label: t('filters.newest') },
                { value: 'name', label: t('filters.name') },
              ]}
            />
          </Stack>
          <OrganisationFilter
            // A cleared filter remounts the field so its text empties too.
            key={values.organisation ? 'org' : 'no-org'}
            value={values.organisation}
            name={values.orgName}
            onChange={onChange}
          />
          <TextInput
            label={t('filters.place')}
            placeholder={t('filters.anyPlace')}
            leftSection={<IconMapPin size={16} aria-hidden />}
            value={place}
            onChange={(e) => {
              setPlace(e.currentTarget.value);
              applyPlace(e.currentTarget.value);
            }}
          />
          <Select
            label={t('filters.industry')}
            placeholder={t('filters.anyIndustry')}
            data={industries.options}
            searchable
            clearable
            value={values.industry || null}
            onChange={(v) => onChange({ industry: v ?? '' })}
          />
        </SimpleGrid>
        {active && (
          <Button
            variant="subtle"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              setPlace('');
              onClear();
            }}
          >
            {t('filters.clear')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
