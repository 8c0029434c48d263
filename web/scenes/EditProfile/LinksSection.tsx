import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { LIMITS } from '../../../common/limits.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

/** Websites, portfolios and other profiles, each a label and an http(s) address. */
export function LinksSection({ form }: { form: ProfileForm }) {
  const links = form.values.links;
  return (
    <FormSection id="links" title="Links" description="Your website, portfolio or other profiles.">
      <Stack gap="sm">
        {links.length === 0 && (
          <Text size="sm" c="dimmed">
            No links yet.
          </Text>
        )}
        {links.map((link, index) => (
          <Group key={link.key} gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={`Link ${index + 1} label`}
              placeholder="Portfolio"
              maxLength={LIMITS.linkLabelMax}
              w={{ base: '100%', sm: 180 }}
              {...form.getInputProps(`links.${index}.label`)}
            />
            <TextInput
              label={`Link ${index + 1} address`}
              placeholder="https://example.com"
              type="url"
              maxLength={LIMITS.urlMax}
              style={{ flex: 1, minWidth: 200 }}
              {...form.getInputProps(`links.${index}.url`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={`Remove link ${index + 1}`}
              onClick={() => form.removeListItem('links', index)}
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
          disabled={links.length >= LIMITS.linksMax}
          onClick={() => form.insertListItem('links', { key: randomId(), label: '', url: '' })}
        >
          Add link
        </Button>
      </Group>
    </FormSection>
  );
}
