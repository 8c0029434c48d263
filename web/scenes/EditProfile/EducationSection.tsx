import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { OrganisationAutocomplete } from '../../components/OrganisationAutocomplete.tsx';
import { FormSection } from './FormSection.tsx';
import { type ProfileForm, emptyEducation } from './profileForm.ts';

const maxYear = new Date().getFullYear() + 10;

export function EducationSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation('editProfile');
  const items = form.values.education;
  return (
    <FormSection id="education" title={t('education.title')} description={t('education.description')}>
      <Stack gap="sm">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('education.empty')}
          </Text>
        )}
        {items.map((item, index) => {
          const n = index + 1;
          const path = `education.${index}`;
          return (
            <Paper key={item.key} withBorder p="md" radius="md" bg="gray.0" role="group" aria-label={t('education.item', { n })}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fw={600} size="sm">
                    {item.school || t('education.item', { n })}
                  </Text>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    aria-label={t('education.removeLabel', { n })}
                    onClick={() => form.removeListItem('education', index)}
                  >
                    {t('education.remove')}
                  </Button>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <OrganisationAutocomplete
                    label={t('education.school', { n })}
                    placeholder={t('education.findPlaceholder')}
                    required
                    maxLength={LIMITS.organisationNameMax}
                    {...form.getInputProps(`${path}.school`)}
                  />
                  <TextInput
                    label={t('education.degree', { n })}
                    placeholder={t('education.degreePlaceholder')}
                    maxLength={LIMITS.degreeMax}
                    {...form.getInputProps(`${path}.degree`)}
                  />
                  <NumberInput
                    label={t('education.startYear', { n })}
                    min={1900}
                    max={maxYear}
                    allowDecimal={false}
                    hideControls
                    {...form.getInputProps(`${path}.startYear`)}
                  />
                  <NumberInput
                    label={t('education.endYear', { n })}
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
          {t('education.add')}
        </Button>
      </Group>
    </FormSection>
  );
}
