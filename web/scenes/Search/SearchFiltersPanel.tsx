import { Button, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { CAREER_STAGES, FUNCTIONS, INDUSTRIES } from '../../../common/limits.ts';
import { OrganisationFilter } from '../../components/OrganisationFilter.tsx';
import { CAREER_STAGE_LABELS } from '../EditProfile/BasicsSection.tsx';

export interface FilterValues {
  degree: string;
  industry: string;
  function: string;
  careerStage: string;
  organisation: string;
  orgName: string;
}

interface Props {
  values: FilterValues;
  onChange: (patch: Partial<FilterValues>) => void;
  onClear: () => void;
}

/** Connection degree, industry, function, career stage and organisation filters; each applies as soon as it changes. */
export function SearchFiltersPanel({ values, onChange, onClear }: Props) {
  const active = Boolean(values.degree || values.industry || values.function || values.careerStage || values.organisation);

  return (
    <Paper p="md" radius="md" component="section" aria-labelledby="filters-heading">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="filters-heading">
          Filters
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="degree-filter-label">
            Connection
          </Text>
          <SegmentedControl
            aria-labelledby="degree-filter-label"
            fullWidth
            value={values.degree || 'any'}
            onChange={(v) => onChange({ degree: v === 'any' ? '' : v })}
            data={[
              { value: 'any', label: 'Anyone' },
              { value: '1', label: '1st' },
              { value: '2', label: '2nd' },
              { value: '3', label: '3rd' },
            ]}
          />
        </Stack>
        <Select
          label="Industry"
          placeholder="Any industry"
          data={[...INDUSTRIES]}
          searchable
          clearable
          value={values.industry || null}
          onChange={(v) => onChange({ industry: v ?? '' })}
        />
        <Select
          label="Function"
          placeholder="Any function"
          data={[...FUNCTIONS]}
          searchable
          clearable
          value={values.function || null}
          onChange={(v) => onChange({ function: v ?? '' })}
        />
        <Select
          label="Career stage"
          placeholder="Any stage"
          data={CAREER_STAGES.map((s) => ({ value: s, label: CAREER_STAGE_LABELS[s] ?? s }))}
          clearable
          value={values.careerStage || null}
          onChange={(v) => onChange({ careerStage: v ?? '' })}
        />
        <OrganisationFilter
          // A cleared filter remounts the field so its text empties too.
          key={values.organisation ? 'org' : 'no-org'}
          value={values.organisation}
          name={values.orgName}
          onChange={onChange}
        />
        {active && (
          <Button variant="subtle" size="xs" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
