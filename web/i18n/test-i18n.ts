import i18next, { type i18n as I18n, type InitOptions } from 'i18next';
import { icuFormat } from './icu-format.ts';

/**
 * For unit tests of words: an i18next instance set up as the web's (ICU MessageFormat, no HTML escaping,
 * React without suspense), holding the given namespaces in English and Italian, started in English.
 * `getFixedT('it', ns)` reads the Italian.
 */
export function testI18n(namespaces: Record<string, { en: object; it: object }>, options: InitOptions = {}): { i18n: I18n; ready: Promise<unknown> } {
  const i18n = i18next.createInstance();
  const names = Object.keys(namespaces);
  const ready = i18n.use(icuFormat).init({
    lng: 'en',
    resources: {
      en: Object.fromEntries(names.map((ns) => [ns, namespaces[ns]!.en])),
      it: Object.fromEntries(names.map((ns) => [ns, namespaces[ns]!.it])),
    },
    ns: names,
    defaultNS: names[0],
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    ...options,
  });
  return { i18n, ready };
}
