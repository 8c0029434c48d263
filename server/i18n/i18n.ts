import i18next from 'i18next';
import ICU from 'i18next-icu';
import type { Locale } from '../../common/locales.ts';
import { type Messages, en } from './en.ts';
import { it } from './it.ts';

const resources: Record<Locale, Messages> = { en, it };

/**
 * The server's own i18next instance (not the global one, which the web's bundle owns), with ICU
 * MessageFormat for plurals. Resources are in memory, so initialisation is synchronous and done once at
 * import. No fallback language: every key exists in every language (the types say so), and a gap should
 * show as the key, not as English passed off as Italian.
 */
const instance = i18next.createInstance();
void instance.use(new ICU()).init({
  resources,
  lng: 'en',
  fallbackLng: false,
  initAsync: false,
  // ICU formats the values itself; HTML escaping is the email layout's job, for every part alike.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The emails of one paragraph and a link (templates.ts `layout`); the digest has its own layout. */
type EmailName = Exclude<keyof Messages['email'], 'digest'>;
export type EmailTexts = Messages['email'][EmailName];

/** An email's texts in a language, with its values (ICU arguments) filled in. */
export function emailTexts(locale: Locale, name: EmailName, values: Record<string, string | number>): EmailTexts {
  const t = instance.getFixedT(locale, 'email');
  const fields = Object.keys(en.email[name]) as (keyof EmailTexts)[];
  return Object.fromEntries(fields.map((field) => [field, t(`${name}.${field}`, values)])) as EmailTexts;
}

/** A text of the web page's shell (its meta description), in a language. */
export function pageText(locale: Locale, key: `meta.${keyof Messages['page']['meta']}`): string {
  return instance.getFixedT(locale, 'page')(key);
}

/** One text of an email in a language, for emails laid out field by field (the digest, server/email/digest.ts). */
export function emailText<N extends keyof Messages['email']>(locale: Locale, name: N, field: keyof Messages['email'][N] & string, values: Record<string, string | number>): string {
  // The key is typed by the two parameters; i18next's own key types do not follow a generic name.
  const t = instance.getFixedT(locale, 'email') as unknown as (key: string, values: Record<string, string | number>) => string;
  return t(`${name}.${field}`, values);
}
