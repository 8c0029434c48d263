import { Autocomplete, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { CAREER_STAGES, FUNCTIONS, INDUSTRIES, LIMITS } from '../../../common/limits.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

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
  return (
    <FormSection title="About you" description="What people see first when they find you.">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Full name" required maxLength={LIMITS.nameMax} autoComplete="name" {...form.getInputProps('name')} />
        <TextInput
          id="location"
          label="Location"
          placeholder="City, country"
          maxLength={LIMITS.locationMax}
          {...form.getInputProps('location')}
        />
      </SimpleGrid>
      <TextInput
        id="headline"
        label="Headline"
        description="One line on what you do, e.g. “Product designer helping fintechs simplify onboarding”."
        maxLength={LIMITS.headlineMax}
        {...form.getInputProps('headline')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Autocomplete
          id="industry"
          label="Industry"
          placeholder="Choose or type"
          data={[...INDUSTRIES]}
          maxLength={LIMITS.industryMax}
          {...form.getInputProps('industry')}
        />
        <Autocomplete
          label="Function"
          placeholder="Choose or type"
          data={[...FUNCTIONS]}
          maxLength={LIMITS.industryMax}
          {...form.getInputProps('function')}
        />
        <Select
          label="Career stage"
          placeholder="Not specified"
          clearable
          data={CAREER_STAGES.map((s) => ({ value: s, label: CAREER_STAGE_LABELS[s] ?? s }))}
          {...form.getInputProps('careerStage')}
          value={form.values.careerStage || null}
          onChange={(v) => form.setFieldValue('careerStage', v ?? '')}
        />
      </SimpleGrid>
      <Textarea
        id="about"
        label="About"
        description="A few sentences about your work, what drives you and what you are open to."
        autosize
        minRows={4}
        maxRows={12}
        maxLength={LIMITS.aboutMax}
        {...form.getInputProps('about')}
      />
    </FormSection>
  );
}
