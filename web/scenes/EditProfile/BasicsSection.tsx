import { Autocomplete, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAREER_STAGES, LIMITS } from '../../../common/limits.ts';
import { useCareerStageLabel } from '../../hooks/useCareerStageLabel.ts';
import { useProfileOptions } from '../../hooks/useProfileOptions.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

/** Name, headline, location, industry, function, career stage and about. */
export function BasicsSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation('editProfile');
  const careerStage = useCareerStageLabel();
  const industries = useProfileOptions('industries');
  const functions = useProfileOptions('functions');
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
          data={industries.options.map((o) => o.label)}
          maxLength={LIMITS.industryMax}
          {...form.getInputProps('industry')}
          value={industries.label(form.values.industry)}
          onChange={(v) => form.setFieldValue('industry', industries.valueOf(v))}
        />
        <Autocomplete
          label={t('basics.function')}
          placeholder={t('basics.chooseOrType')}
          data={functions.options.map((o) => o.label)}
          maxLength={LIMITS.industryMax}
          {...form.getInputProps('function')}
          value={functions.label(form.values.function)}
          onChange={(v) => form.setFieldValue('function', functions.valueOf(v))}
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
