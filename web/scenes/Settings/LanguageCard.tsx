import { Paper, Radio, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { MeView } from '../../api/types.ts';
import { isLocale, type Locale, LOCALE_NAMES, LOCALES, storeLocale } from '../../i18n/locale.ts';

/**
 * The member's language, saved on their account so every device and every email follows it. The page
 * switches at once; the saved member then keeps it (useMemberLocale).
 */
export function LanguageCard({ me }: { me: MeView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: meApi.setLocale,
    onSuccess: (next) => {
      queryClient.setQueryData(keys.me, next);
      // The instance's t, not the render's: the answer can arrive before the page has re-rendered in the
      // new language, and the confirmation should speak the language just chosen.
      notifications.show({ color: 'teal', message: i18n.t('settings.languageSaved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  // The choice shows at once, before the new language's words have loaded and before the server answers.
  const [choice, setChoice] = useState<Locale | null>(null);
  const saved: unknown = 'locale' in me ? me.locale : null;
  const current = choice ?? (isLocale(saved) ? saved : (i18n.resolvedLanguage ?? 'en'));
  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="language-heading">
      <Title order={2} fz="h4" id="language-heading" mb={4}>
        {t('language.label')}
      </Title>
      <Radio.Group
        label={t('settings.languageHint')}
        styles={{ label: { fontWeight: 400 } }}
        value={current}
        onChange={(value) => {
          if (!isLocale(value)) return;
          setChoice(value);
          storeLocale(value);
          // Saved once the new language's words are loaded (or failed to load), so the confirmation is in it.
          const saveChoice = () => save.mutate(value);
          i18n.changeLanguage(value).then(saveChoice, saveChoice);
        }}
      >
        <Stack gap="xs" mt="xs">
          {LOCALES.map((locale) => (
            <Radio key={locale} value={locale} label={<span lang={locale}>{LOCALE_NAMES[locale]}</span>} disabled={save.isPending} />
          ))}
        </Stack>
      </Radio.Group>
    </Paper>
  );
}
