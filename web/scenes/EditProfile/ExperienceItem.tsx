import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { LIMITS } from '../../../common/limits.ts';
import { OrganisationAutocomplete } from '../../components/OrganisationAutocomplete.tsx';
import type { ProfileForm } from './profileForm.ts';

/** One position: organisation (with suggestions), title, dates and description. */
export function ExperienceItem({ form, index }: { form: ProfileForm; index: number }) {
  const item = form.values.experience[index];
  if (!item) return null;
  const path = `experience.${index}`;
  const n = index + 1;
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" role="group" aria-label={`Position ${n}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {item.title || item.organisation ? `${item.title || 'Position'}${item.organisation ? ` at ${item.organisation}` : ''}` : `Position ${n}`}
          </Text>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} aria-hidden />}
            aria-label={`Remove position ${n}`}
            onClick={() => form.removeListItem('experience', index)}
          >
            Remove
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrganisationAutocomplete
            label={`Organisation (position ${n})`}
            placeholder="Start typing to find it"
            required
            maxLength={LIMITS.organisationNameMax}
            {...form.getInputProps(`${path}.organisation`)}
          />
          <TextInput
            label={`Title (position ${n})`}
            placeholder="e.g. Senior Engineer"
            required
            maxLength={LIMITS.titleMax}
            {...form.getInputProps(`${path}.title`)}
          />
          <TextInput
            label={`Start month (position ${n})`}
            type="month"
            placeholder="YYYY-MM"
            required
            {...form.getInputProps(`${path}.startDate`)}
          />
          <TextInput
            label={`End month (position ${n})`}
            type="month"
            placeholder="YYYY-MM"
            disabled={item.current}
            {...form.getInputProps(`${path}.endDate`)}
          />
        </SimpleGrid>
        <Checkbox
          label="I work here now"
          {...form.getInputProps(`${path}.current`, { type: 'checkbox' })}
        />
        <Textarea
          label={`Description (position ${n})`}
          placeholder="What you did and achieved"
          autosize
          minRows={2}
          maxLength={LIMITS.descriptionMax}
          {...form.getInputProps(`${path}.description`)}
        />
      </Stack>
    </Paper>
  );
}
