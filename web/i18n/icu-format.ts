import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import type { I18nFormatModule } from 'i18next';
import IntlMessageFormat from 'intl-messageformat';

/**
 * ICU MessageFormat for the web's i18next, over messages that the build has already parsed
 * (web/vite-precompile-icu.ts), so the browser never downloads the ICU parser (docs/i18n.md, "Bundle
 * size"). A message is one of:
 *
 * - plain text, kept as a string: no ICU syntax, so it is its own output;
 * - a precompiled message: the parser's elements, which IntlMessageFormat formats without parsing;
 * - ICU source text, as the resource files hold it: parsed here, which needs the parser. Only Node (unit
 *   tests, the dev server) meets these; in the built web the parser is an empty stand-in, and the build
 *   turns every such message into elements.
 *
 * It formats as i18next-icu did: tags are plain text (`ignoreTag`), so <Trans> placeholders such as <0>
 * reach react-i18next untouched, and no plural suffixes are added to keys (ICU chooses the form itself).
 */
export type CompiledMessage = string | MessageFormatElement[];

/**
 * True when a message has no ICU syntax and so reads as written: no argument or plural braces and no
 * apostrophe (which quotes syntax, and '' prints one). `#` is text outside a plural, and tags are text here.
 * The build keeps such messages as strings; anything else must be parsed.
 */
export function isPlainText(message: string): boolean {
  return !/[{}']/.test(message);
}

// Building a formatter resolves the locale and its plural rules, which costs far more than formatting,
// so each message keeps one per language. Precompiled messages are cached by identity (the store holds
// the same array for as long as the namespace is loaded); source text, rarer, by its text.
const compiled = new WeakMap<MessageFormatElement[], Map<string, IntlMessageFormat>>();
const parsed = new Map<string, IntlMessageFormat>();

function formatterFor(message: string | MessageFormatElement[], language: string): IntlMessageFormat {
  if (typeof message === 'string') {
    const key = `${language}\u0000${message}`;
    let formatter = parsed.get(key);
    if (!formatter) parsed.set(key, (formatter = new IntlMessageFormat(message, language, undefined, { ignoreTag: true })));
    return formatter;
  }
  let byLanguage = compiled.get(message);
  if (!byLanguage) compiled.set(message, (byLanguage = new Map()));
  let formatter = byLanguage.get(language);
  if (!formatter) byLanguage.set(language, (formatter = new IntlMessageFormat(message, language)));
  return formatter;
}

/**
 * A message formatted with its values; throws when it cannot be (a value is missing, or source text
 * does not parse). The result is an array only when a value is not a primitive (a React element).
 */
export function formatMessage(message: CompiledMessage, language: string, values?: Record<string, unknown>): string | unknown[] {
  if (typeof message === 'string' && isPlainText(message)) return message;
  return formatterFor(message, language).format(values as Record<string, string>);
}

/**
 * What a message that could not be formatted shows: its text with each argument named in braces
 * ("Account menu for {name}"), as i18next-icu showed the source, so the gap is visible but readable.
 */
export function unformatted(message: CompiledMessage): string {
  if (typeof message === 'string') return message;
  return message
    .map((el) => (el.type === TYPE.literal ? el.value : el.type === TYPE.pound ? '#' : `{${el.value}}`))
    .join('');
}

/** The i18next module: `i18n.use(icuFormat)`. */
export const icuFormat: I18nFormatModule & {
  parse(message: unknown, values: Record<string, unknown>, language: string): unknown;
  addLookupKeys(keys: string[]): string[];
} = {
  type: 'i18nFormat',
  parse(message, values, language) {
    if (typeof message !== 'string' && !Array.isArray(message)) return message;
    try {
      return formatMessage(message as CompiledMessage, language, values);
    } catch {
      return unformatted(message as CompiledMessage);
    }
  },
  // Plural forms are inside the message, not in suffixed keys (`key_one`): look up the key alone.
  addLookupKeys: (keys) => keys,
};
