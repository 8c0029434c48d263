import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

export function SkillsSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation('editProfile');
  return (
    <FormSection title={t('skills.title')} description={t('skills.description')}>
      <TagsInput
        id="skills"
        label={t('skills.label')}
        placeholder={t('skills.placeholder')}
        maxTags={LIMITS.skillsMax}
        splitChars={[',']}
        clearable
        {...form.getInputProps('skills')}
      />
    </FormSection>
  );
}
