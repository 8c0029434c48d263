import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { OrganisationAutocomplete } from '../../components/OrganisationAutocomplete.tsx';
import type { ProfileForm } from './profileForm.ts';

/** One position: organisation (with suggestions), title, dates and description. */
export function ExperienceItem({ form, index }: { form: ProfileForm; index: number }) {
  const { t } = useTranslation('editProfile');
  const item = form.values.experience[index];
  if (!item) return null;
  const path = `experience.${index}`;
  const n = index + 1;
  const heading = (title: string, organisation: string) => {
    if (title && organisation) return t('experience.titleAt', { title, organisation });
    if (organisation) return t('experience.positionAt', { organisation });
    return title || t('experience.position', { n });
  };
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" role="group" aria-label={t('experience.position', { n })}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {heading(item.title, item.organisation)}
          </Text>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} aria-hidden />}
            aria-label={t('experience.removeLabel', { n })}
            onClick={() => form.removeListItem('experience', index)}
          >
            {t('experience.remove')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrganisationAutocomplete
            label={t('experience.organisation', { n })}
            placeholder={t('experience.findPlaceholder')}
            required
            maxLength={LIMITS.organisationNameMax}
            {...form.getInputProps(`${path}.organisation`)}
          />
          <TextInput
            label={t('experience.jobTitle', { n })}
            placeholder={t('experience.jobTitlePlaceholder')}
            required
            maxLength={LIMITS.titleMax}
            {...form.getInputProps(`${path}.title`)}
          />
          <TextInput
            label={t('experience.start', { n })}
            type="month"
            placeholder={t('experience.monthPlaceholder')}
            required
            {...form.getInputProps(`${path}.startDate`)}
          />
          <TextInput
            label={t('experience.end', { n })}
            type="month"
            placeholder={t('experience.monthPlaceholder')}
            disabled={item.current}
            {...form.getInputProps(`${path}.endDate`)}
          />
        </SimpleGrid>
        <Checkbox
          label={t('experience.current')}
          {...form.getInputProps(`${path}.current`, { type: 'checkbox' })}
        />
        <Textarea
          label={t('experience.details', { n })}
          placeholder={t('experience.detailsPlaceholder')}
          autosize
          minRows={2}
          maxLength={LIMITS.descriptionMax}
          {...form.getInputProps(`${path}.description`)}
        />
      </Stack>
    </Paper>
  );
}
