import { TagsInput } from '@mantine/core';
import { LIMITS } from '../../../common/limits.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

export function SkillsSection({ form }: { form: ProfileForm }) {
  return (
    <FormSection title="Skills" description="Press Enter or comma after each skill. Five or more help people find you.">
      <TagsInput
        id="skills"
        label="Skills"
        placeholder="e.g. User research"
        maxTags={LIMITS.skillsMax}
        splitChars={[',']}
        clearable
        {...form.getInputProps('skills')}
      />
    </FormSection>
  );
}
