import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { ExperienceItem } from './ExperienceItem.tsx';
import { FormSection } from './FormSection.tsx';
import { type ProfileForm, emptyExperience } from './profileForm.ts';

export function ExperienceSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation('editProfile');
  const items = form.values.experience;
  return (
    <FormSection id="experience" title={t('experience.title')} description={t('experience.description')}>
      <Stack gap="sm">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('experience.empty')}
          </Text>
        )}
        {items.map((item, index) => (
          <ExperienceItem key={item.key} form={form} index={index} />
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={items.length >= LIMITS.experienceMax}
          onClick={() => form.insertListItem('experience', emptyExperience())}
        >
          {t('experience.add')}
        </Button>
      </Group>
    </FormSection>
  );
}
