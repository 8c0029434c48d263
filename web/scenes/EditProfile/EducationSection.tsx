import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { LIMITS } from '../../../common/limits.ts';
import { OrganisationAutocomplete } from '../../components/OrganisationAutocomplete.tsx';
import { FormSection } from './FormSection.tsx';
import { type ProfileForm, emptyEducation } from './profileForm.ts';

const maxYear = new Date().getFullYear() + 10;

export function EducationSection({ form }: { form: ProfileForm }) {
  const items = form.values.education;
  return (
    <FormSection id="education" title="Education" description="Schools, universities and programmes.">
      <Stack gap="sm">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            No education yet.
          </Text>
        )}
        {items.map((item, index) => {
          const n = index + 1;
          const path = `education.${index}`;
          return (
            <Paper key={item.key} withBorder p="md" radius="md" bg="gray.0" role="group" aria-label={`Education ${n}`}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fw={600} size="sm">
                    {item.school || `Education ${n}`}
                  </Text>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    aria-label={`Remove education ${n}`}
                    onClick={() => form.removeListItem('education', index)}
                  >
                    Remove
                  </Button>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <OrganisationAutocomplete
                    label={`School (education ${n})`}
                    placeholder="Start typing to find it"
                    required
                    maxLength={LIMITS.organisationNameMax}
                    {...form.getInputProps(`${path}.school`)}
                  />
                  <TextInput
                    label={`Degree or programme (education ${n})`}
                    placeholder="e.g. BSc Computer Science"
                    maxLength={LIMITS.degreeMax}
                    {...form.getInputProps(`${path}.degree`)}
                  />
                  <NumberInput
                    label={`Start year (education ${n})`}
                    min={1900}
                    max={maxYear}
                    allowDecimal={false}
                    hideControls
                    {...form.getInputProps(`${path}.startYear`)}
                  />
                  <NumberInput
                    label={`End year (education ${n})`}
                    min={1900}
                    max={maxYear}
                    allowDecimal={false}
                    hideControls
                    {...form.getInputProps(`${path}.endYear`)}
                  />
                </SimpleGrid>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={items.length >= LIMITS.educationMax}
          onClick={() => form.insertListItem('education', emptyEducation())}
        >
          Add education
        </Button>
      </Group>
    </FormSection>
  );
}
