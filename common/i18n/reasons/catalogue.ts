import IntlMessageFormat from 'intl-messageformat';
import type { Locale } from '../../locales.ts';
import { en, type ReasonMessages } from './en.ts';
import { it } from './it.ts';
import { type ReasonFormatter, type RenderableReason, renderReasonWith } from './render.ts';

/** The reasons catalogue in every shipped language. */
export const REASON_MESSAGES: Record<Locale, ReasonMessages> = { en, it };

type Tree = { [key: string]: string | Tree };

/** The message at a dotted key, reading own properties only (a stored code may be anything, "toString" too). */
function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

// Parsing a message costs far more than formatting it: each is parsed once per language.
const compiled = new Map<string, IntlMessageFormat>();

/** Formats keys of the reasons catalogue in `language` with intl-messageformat, as i18next-icu does on the web. */
export function catalogueFormatter(language: Locale): ReasonFormatter {
  return (key, args) => {
    const cacheKey = `${language}:${key}`;
    let message = compiled.get(cacheKey);
    if (!message) {
      const source = lookup(REASON_MESSAGES[language] as Tree, key);
      if (source === undefined) return undefined;
      message = new IntlMessageFormat(source, language, undefined, { ignoreTag: true });
      compiled.set(cacheKey, message);
    }
    try {
      const text = message.format(args);
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Whether the catalogue words this code (a stored code may be one a later version added). */
export const hasReasonMessage = (code: string): boolean => !code.startsWith('words.') && lookup(en as Tree, code) !== undefined;

/**
 * A reason in a language: from the catalogue itself given a language (the server, tests), or through a
 * formatter in a language (`{ language, t }`: the web's i18next over its `reasons` namespace).
 * A code without a message gives the reason's `text`.
 */
export function renderReasonIn(by: Locale | { language: string; t: ReasonFormatter }, reason: RenderableReason): string {
  return typeof by === 'string' ? renderReasonWith(catalogueFormatter(by), by, reason) : renderReasonWith(by.t, by.language, reason);
}
