import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { FormSection } from './FormSection.tsx';
import type { ProfileForm } from './profileForm.ts';

/** Websites, portfolios and other profiles, each a label and an http(s) address. */
export function LinksSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation('editProfile');
  const links = form.values.links;
  return (
    <FormSection id="links" title={t('links.title')} description={t('links.description')}>
      <Stack gap="sm">
        {links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('links.empty')}
          </Text>
        )}
        {links.map((link, index) => (
          <Group key={link.key} gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={t('links.label', { n: index + 1 })}
              placeholder={t('links.labelPlaceholder')}
              maxLength={LIMITS.linkLabelMax}
              w={{ base: '100%', sm: 180 }}
              {...form.getInputProps(`links.${index}.label`)}
            />
            <TextInput
              label={t('links.address', { n: index + 1 })}
              placeholder={t('links.addressPlaceholder')}
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
              aria-label={t('links.remove', { n: index + 1 })}
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
          {t('links.add')}
        </Button>
      </Group>
    </FormSection>
  );
}
