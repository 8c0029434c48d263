import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { icuFormat } from './icu-format.ts';
import { DEFAULT_LOCALE, LOCALES, PSEUDO_LOCALE, pickLocale, serverLocaleHints, storedLocale } from './locale.ts';

/**
 * Each language's namespaces as separate chunks: a scene's `useTranslation('auth')` loads `auth` for the
 * active language when the scene first renders (suspending until it arrives), so a page fetches only what
 * it shows.
 */
const loaders = import.meta.glob<{ default: object }>('./resources/*/*.ts');

/** A namespace's messages; the pseudo-locale's are the English ones run through pseudo.ts, a chunk of its own. */
async function loadMessages(language: string, namespace: string): Promise<object | null> {
  const pseudo = language === PSEUDO_LOCALE;
  const load = loaders[`./resources/${pseudo ? DEFAULT_LOCALE : language}/${namespace}.ts`];
  if (!load) return null;
  if (!pseudo) return (await load()).default;
  const [english, { pseudoResources }] = await Promise.all([load(), import('./pseudo.ts')]);
  return pseudoResources(english.default);
}

const lazyResources: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    loadMessages(language, namespace).then(
      (messages) =>
        messages ? callback(null, messages as Record<string, unknown>) : callback(new Error(`no ${namespace} messages for ${language}`), false),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

// <html lang> follows the active language: screen readers pick their voice from it, browsers their hyphenation.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Starts the language layer with the visitor's language and the shell's namespace loaded; the app renders after. */
export function startI18n(): Promise<unknown> {
  return i18n
    .use(icuFormat)
    .use(lazyResources)
    .use(initReactI18next)
    .init({
      lng: pickLocale({ ...serverLocaleHints(document.documentElement), stored: storedLocale(), browser: navigator.languages }),
      // No fallback language: every language has every key (tsc and server/test/i18n-messages.test.ts check
      // it), and i18next fetches a fallback's namespaces beside the active one's, so an Italian page would
      // download the English messages too. A gap would show its key, never English passed off as Italian.
      fallbackLng: false,
      supportedLngs: [...LOCALES, PSEUDO_LOCALE],
      // Codes are used as they are (pickLocale returns only shipped languages or the pseudo-locale), so
      // 'en-XA' is not folded to 'en'.
      load: 'currentOnly',
      ns: ['common'],
      defaultNS: 'common',
      // React escapes what it renders; escaping here too would show "&amp;" in names.
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
}
