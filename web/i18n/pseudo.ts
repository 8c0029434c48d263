/**
 * The pseudo-locale's messages (PSEUDO_LOCALE in locale.ts): English with every letter of its literal text
 * accented and the whole message bracketed and padded to about 140% of its length, e.g. "Sign in" →
 * "[Šîĝñ îñ ~~~]". A page in it shows at a glance what is not translated (plain English), what is cut
 * off or overflows (the brackets and tildes go missing) and what was built by concatenation (several
 * bracketed pieces in one sentence). Only literal text changes: arguments, plural and select syntax and
 * <Trans> placeholders stay as they are, so names and numbers print as they would in English.
 *
 * Loaded only with the pseudo-locale (web/i18n/i18n.ts imports it lazily). The built web hands it the English
 * messages as the build compiled them (web/i18n/compile.ts): their elements are transformed as they are, so
 * the browser needs no ICU parser here either. Tests and e2e hand it ICU source text, which it parses.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { type CompiledMessage, isPlainText } from './icu-format.ts';

const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÁƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

/** <Trans> placeholders (<0>, </0>, <strong>, <br/>): i18next-icu leaves them in the text (ignoreTag). */
const TAG = /(<\/?[A-Za-z0-9_-]+\s*\/?>)/;

/**
 * The product's name, which no language translates: left as it is, so a label that names it still contains
 * the name shown beside it (the logo's "Rapport" inside "Rapport home", as axe's label-in-name rule asks).
 */
const PRODUCT_NAME = /(\bRapport\b)/;

/** Accents the letters of a piece of literal text, leaving <Trans> placeholders and the product's name intact. */
export function accent(text: string): string {
  const letters = (piece: string) =>
    piece
      .split(PRODUCT_NAME)
      .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c)))
      .join('');
  return text
    .split(TAG)
    .map((part, i) => (i % 2 === 1 ? part : letters(part)))
    .join('');
}

/** About how many characters a message shows: its literal text, an argument as its name, a plural's longest branch. */
function visibleLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const el of elements) {
    if (el.type === TYPE.literal) length += el.value.replace(new RegExp(TAG, 'g'), '').length;
    else if (el.type === TYPE.pound) length += 1;
    else if (el.type === TYPE.plural || el.type === TYPE.select) length += Math.max(0, ...Object.values(el.options).map((o) => visibleLength(o.value)));
    else if (el.type === TYPE.tag) length += visibleLength(el.children);
    else length += el.value.length;
  }
  return length;
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: transform(o.value) }]));
      return { ...el, options };
    }
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) };
    return el;
  });
}

const literal = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });

/** A message's elements in the pseudo-locale: its literal text accented, the whole bracketed and padded. */
function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  const padding = '~'.repeat(Math.max(1, Math.round(visibleLength(elements) * 0.4)));
  return [literal('['), ...transform(elements), literal(` ${padding}]`)];
}

/** One ICU message in the pseudo-locale; a message that does not parse comes back as it is. */
export function pseudoMessage(message: string): string {
  if (message === '') return message;
  // Plain text needs no parser (the built web has none): it is one literal element.
  if (isPlainText(message)) return print(message, pseudoElements([literal(message)]), false);
  let ast: MessageFormatElement[];
  try {
    ast = parse(message, { ignoreTag: true, captureLocation: true });
  } catch {
    return message;
  }
  return print(message, pseudoElements(ast), false);
}

/**
 * ICU text back from elements. Ours rather than the library's printer, which quotes <Trans> placeholders
 * ('<0>') as if tags were ICU syntax (i18next-icu parses with ignoreTag, where they are plain text), and
 * would add its weight to the bundle: an argument or a number/date format is copied from the source as
 * written, by its location.
 */
function print(source: string, elements: MessageFormatElement[], inPlural: boolean): string {
  const branches = (options: Record<string, { value: MessageFormatElement[] }>, plural: boolean) =>
    Object.entries(options).map(([key, o]) => `${key} {${print(source, o.value, plural)}}`).join(' ');
  return elements
    .map((el) => {
      switch (el.type) {
        case TYPE.literal:
          return el.value.replace(/'/g, "''").replace(inPlural ? /[{}#]/g : /[{}]/g, (c) => `'${c}'`);
        case TYPE.pound:
          return '#';
        case TYPE.plural: {
          const offset = el.offset ? `offset:${el.offset} ` : '';
          return `{${el.value}, ${el.pluralType === 'ordinal' ? 'selectordinal' : 'plural'}, ${offset}${branches(el.options, true)}}`;
        }
        case TYPE.select:
          return `{${el.value}, select, ${branches(el.options, inPlural)}}`;
        case TYPE.tag:
          return `<${el.value}>${print(source, el.children, inPlural)}</${el.value}>`;
        default:
          // Arguments and number/date/time formats hold no literal text.
          return el.location ? source.slice(el.location.start.offset, el.location.end.offset) : `{${el.value}}`;
      }
    })
    .join('');
}

type Tree = { [key: string]: CompiledMessage | Tree };

/**
 * A namespace's messages in the pseudo-locale, keys unchanged: ICU source text or plain text stays text,
 * compiled elements (an array; the built web's) stay elements. An empty message stays empty.
 */
export function pseudoResources<T extends object>(messages: T): T {
  const pseudo = (value: CompiledMessage | Tree): CompiledMessage | Tree => {
    if (typeof value === 'string') return pseudoMessage(value);
    if (Array.isArray(value)) return value.length ? pseudoElements(value) : value;
    return walk(value);
  };
  const walk = (tree: Tree): Tree => Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, pseudo(value)]));
  return walk(messages as Tree) as T;
}
