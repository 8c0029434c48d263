import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALE_NAMES, LOCALES, storeLocale } from '../i18n/locale.ts';

/**
 * The header's language choice for signed-out visitors: a native select, so keyboards, screen readers and
 * phones all handle it as they know how. The choice is kept in this browser for the next visit.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      w={120}
      leftSection={<IconLanguage size={14} aria-hidden />}
      value={i18n.resolvedLanguage}
      data={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
      onChange={(event) => {
        const locale = event.currentTarget.value;
        if (!isLocale(locale)) return;
        storeLocale(locale);
        void i18n.changeLanguage(locale);
      }}
    />
  );
}
