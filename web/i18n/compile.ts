import { parse } from '@formatjs/icu-messageformat-parser';
import { type CompiledMessage, isPlainText } from './icu-format.ts';

/**
 * Build time only (web/vite-precompile-icu.ts): a namespace's ICU source text as the web formats it
 * (icu-format.ts), each message with syntax parsed into the parser's elements, plain text left as it is.
 * Parsed as i18next-icu parses (tags as text), for the language's locale (it decides the hour cycle of a
 * date skeleton), without source locations, which nothing reads at run time.
 */
type Source = { [key: string]: string | Source };
export type Compiled = { [key: string]: CompiledMessage | Compiled };

export function compileMessage(message: string, locale: string): CompiledMessage {
  if (isPlainText(message)) return message;
  return parse(message, { ignoreTag: true, locale: new Intl.Locale(locale) });
}

/** Every message of a namespace compiled; a message that does not parse fails the build, naming its key. */
export function compileNamespace(messages: object, locale: string, path = ''): Compiled {
  return Object.fromEntries(
    Object.entries(messages as Source).map(([key, value]) => {
      const where = path ? `${path}.${key}` : key;
      if (typeof value !== 'string') return [key, compileNamespace(value, locale, where)];
      try {
        return [key, compileMessage(value, locale)];
      } catch (error) {
        throw new Error(`${where}: not ICU MessageFormat (${error instanceof Error ? error.message : String(error)}): ${value}`);
      }
    }),
  );
}
