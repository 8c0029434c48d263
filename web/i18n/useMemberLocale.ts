import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, storeLocale } from './locale.ts';

/**
 * A signed-in member's saved language wins over the header switch and the browser. It is also kept in
 * storage, so the next visit starts in it instead of flashing the browser's language first.
 * `locale` is read defensively: a server without the setting leaves it undefined.
 */
export function useMemberLocale(me: object | null | undefined) {
  const { i18n } = useTranslation();
  const locale = me && 'locale' in me ? me.locale : null;
  useEffect(() => {
    if (!isLocale(locale)) return;
    storeLocale(locale);
    if (i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
}
