import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { LIMITS } from '../../../common/limits.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

interface Props {
  form: ProfileForm;
  field: 'offers' | 'asks';
  title: string;
  description: string;
  itemLabel: string;
  placeholder: string;
}

/** An editable list of short sentences: "I can help with…" and "I'm looking for…". */
export function StringListSection({ form, field, title, description, itemLabel, placeholder }: Props) {
  const items = form.values[field];
  return (
    <FormSection id={field} title={title} description={description}>
      <Stack gap="xs">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing added yet.
          </Text>
        )}
        {items.map((_, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={`${itemLabel} ${index + 1}`}
              placeholder={placeholder}
              maxLength={LIMITS.offerAskMax}
              style={{ flex: 1 }}
              {...form.getInputProps(`${field}.${index}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
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
          Add {itemLabel.toLowerCase()}
        </Button>
      </Group>
    </FormSection>
  );
}
