import i18next from 'i18next';
import ICU from 'i18next-icu';
import english, { type MessageKey, type MessageParams } from '../../common/i18n/errors/en.ts';
import italian from '../../common/i18n/errors/it.ts';
import type { Locale } from '../../common/locales.ts';

const resources: Record<Locale, { errors: object }> = { en: { errors: english }, it: { errors: italian } };

/**
 * The error messages' own i18next instance (the emails have theirs in i18n.ts): the catalogue in
 * common/i18n/errors, shared with the web, so the server's `detail` and the web's words are the same text.
 */
const instance = i18next.createInstance();
void instance.use(new ICU()).init({
  resources,
  lng: 'en',
  ns: ['errors'],
  defaultNS: 'errors',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

type Translate = (key: string, params?: MessageParams) => string;
const translators = new Map<Locale, Translate>();

/** An error message in a language, its ICU arguments filled in. */
export function errorText(locale: Locale, key: MessageKey | `field.${string}`, params: MessageParams = {}): string {
  let t = translators.get(locale);
  if (!t) {
    // The keys are checked by MessageKey; i18next's typed keys are the web's namespaces, not this instance's.
    t = instance.getFixedT(locale, 'errors') as unknown as Translate;
    translators.set(locale, t);
  }
  return t(key, params);
}
