import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

/** An editable list of short sentences: "I can help with…" (offers) and "I'm looking for…" (asks), worded by field. */
export function StringListSection({ form, field }: { form: ProfileForm; field: 'offers' | 'asks' }) {
  const { t } = useTranslation('editProfile');
  const items = form.values[field];
  return (
    <FormSection id={field} title={t(`${field}.title`)} description={t(`${field}.description`)}>
      <Stack gap="xs">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('lists.empty')}
          </Text>
        )}
        {items.map((_, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={t(`${field}.item`, { n: index + 1 })}
              placeholder={t(`${field}.placeholder`)}
              maxLength={LIMITS.offerAskMax}
              style={{ flex: 1 }}
              {...form.getInputProps(`${field}.${index}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={t(`${field}.remove`, { n: index + 1 })}
              onClick={() => form.removeListItem(field, index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={items.length >= LIMITS.offersAsksMax}
          onClick={() => form.insertListItem(field, '')}
        >
          {t(`${field}.add`)}
        </Button>
      </Group>
    </FormSection>
  );
}
