import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { LIMITS } from '../../../common/limits.ts';
import { ExperienceItem } from './ExperienceItem.tsx';
import { FormSection } from './FormSection.tsx';
import { type ProfileForm, emptyExperience } from './profileForm.ts';

export function ExperienceSection({ form }: { form: ProfileForm }) {
  const items = form.values.experience;
  return (
    <FormSection id="experience" title="Experience" description="Where you work and have worked. Colleagues find you through these.">
      <Stack gap="sm">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            No positions yet. Add your current role first.
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
          Add position
        </Button>
      </Group>
    </FormSection>
  );
}
