import { Button, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { CAREER_STAGES } from '../../../common/limits.ts';
import { useTranslation } from 'react-i18next';
import { DEGREE_KEYS } from '../../components/DegreeBadge.tsx';
import { OrganisationFilter } from '../../components/OrganisationFilter.tsx';
import { useCareerStageLabel } from '../../hooks/useCareerStageLabel.ts';
import { useProfileOptions } from '../../hooks/useProfileOptions.ts';

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
  const { t } = useTranslation(['search', 'people']);
  const industries = useProfileOptions('industries');
  const functions = useProfileOptions('functions');
  const careerStage = useCareerStageLabel();
  const active = Boolean(values.degree || values.industry || values.function || values.careerStage || values.organisation);

  return (
    <Paper p="md" radius="md" component="section" aria-labelledby="filters-heading">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="filters-heading">
          {t('filters.title')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="degree-filter-label">
            {t('filters.connection')}
          </Text>
          <SegmentedControl
            aria-labelledby="degree-filter-label"
            fullWidth
            value={values.degree || 'any'}
            onChange={(v) => onChange({ degree: v === 'any' ? '' : v })}
            data={[
              { value: 'any', label: t('filters.anyone') },
              ...[1, 2, 3].map((d) => ({ value: String(d), label: t(`people:degree.${DEGREE_KEYS[d]!}.short`) })),
            ]}
          />
        </Stack>
        <Select
          label={t('filters.industry')}
          placeholder={t('filters.anyIndustry')}
          data={industries.options}
          searchable
          clearable
          value={values.industry || null}
          onChange={(v) => onChange({ industry: v ?? '' })}
        />
        <Select
          label={t('filters.function')}
          placeholder={t('filters.anyFunction')}
          data={functions.options}
          searchable
          clearable
          value={values.function || null}
          onChange={(v) => onChange({ function: v ?? '' })}
        />
        <Select
          label={t('filters.careerStage')}
          placeholder={t('filters.anyStage')}
          data={CAREER_STAGES.map((s) => ({ value: s, label: careerStage(s) }))}
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
            {t('filters.clear')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
