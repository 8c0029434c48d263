import { Autocomplete, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAREER_STAGES, FUNCTIONS, INDUSTRIES, LIMITS } from '../../../common/limits.ts';
import { useCareerStageLabel } from './careerStages.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

/**
 * The career stages in English.
 * @deprecated English only; use `useCareerStageLabel()` (./careerStages.ts). Kept while web/scenes/Search still imports it.
 */
export const CAREER_STAGE_LABELS: Record<string, string> = {
  student: 'Student',
  early: 'Early career',
  mid: 'Mid-career',
  senior: 'Senior',
  executive: 'Executive',
  retired: 'Retired',
};

/** Name, headline, location, industry, function, career stage and about. */
export function BasicsSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation('editProfile');
  const careerStage = useCareerStageLabel();
  return (
    <FormSection title={t('basics.title')} description={t('basics.description')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('basics.name')} required maxLength={LIMITS.nameMax} autoComplete="name" {...form.getInputProps('name')} />
        <TextInput
          id="location"
          label={t('basics.location')}
          placeholder={t('basics.locationPlaceholder')}
          maxLength={LIMITS.locationMax}
          {...form.getInputProps('location')}
        />
      </SimpleGrid>
      <TextInput
        id="headline"
        label={t('basics.headline')}
        description={t('basics.headlineHint')}
        maxLength={LIMITS.headlineMax}
        {...form.getInputProps('headline')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Autocomplete
          id="industry"
          label={t('basics.industry')}
          placeholder={t('basics.chooseOrType')}
          data={[...INDUSTRIES]}
          maxLength={LIMITS.industryMax}
          {...form.getInputProps('industry')}
        />
        <Autocomplete
          label={t('basics.function')}
          placeholder={t('basics.chooseOrType')}
          data={[...FUNCTIONS]}
          maxLength={LIMITS.industryMax}
          {...form.getInputProps('function')}
        />
        <Select
          label={t('basics.careerStage')}
          placeholder={t('basics.notSpecified')}
          clearable
          data={CAREER_STAGES.map((s) => ({ value: s, label: careerStage(s) }))}
          {...form.getInputProps('careerStage')}
          value={form.values.careerStage || null}
          onChange={(v) => form.setFieldValue('careerStage', v ?? '')}
        />
      </SimpleGrid>
      <Textarea
        id="about"
        label={t('basics.about')}
        description={t('basics.aboutHint')}
        autosize
        minRows={4}
        maxRows={12}
        maxLength={LIMITS.aboutMax}
        {...form.getInputProps('about')}
      />
    </FormSection>
  );
}
