/**
 * Matching key for names: case, accents and spacing ignored. "  Ácme   Corp " and "acme corp" share a key.
 * Used for skills and the name column of people search, on both the write and the query side. It drops
 * every symbol, which suits typo-tolerant search but not organisations: see organisationKey.
 */
export function matchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * Matching key for organisations: case, accents, spacing and invisible characters ignored, everything else
 * kept. "acme corp" and "ÁCME  Corp" are one organisation, while "C++ Users Italy" and "C# Users Italy",
 * "AT&T" and "AT T", "Yahoo!" and "Yahoo" stay apart: a symbol in a name is part of the name, and two
 * names that only an operator can tell are the same get merged by an operator (docs/moderation.md).
 * Accents are dropped only from Latin, Greek and Cyrillic letters; in other scripts a combining mark
 * changes the word (Hindi मिल and मील are different names).
 */
export function organisationKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .replace(/\p{Default_Ignorable_Code_Point}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** URL-safe slug from any text; empty input gives "member" so a handle is never blank. */
export function slugify(value: string, fallback = 'member'): string {
  const slug = matchKey(value)
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/ /g, '-')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : fallback;
}

// ─────────────────────────────── What a display text may contain ───────────────────────────────
// The schemas in common/schemas/primitives.ts apply these rules to every text a member writes, the
// importers validate through the same schemas, and the web forms check the same rules before sending.

/** C0 controls other than tab, line feed and carriage return, DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Every control character, line breaks and tabs included: one-line texts and query parameters. */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (not Unicode text). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI). They
 * reorder the text around them, so "Ana‮tcennoc ot‬" can make a sentence read backwards. Typed text
 * never needs them: the web app isolates every member's text in its own direction (<bdi>, dir="auto").
 */
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/;
/** The implicit direction marks (LRM, RLM, ALM): they reorder nothing beyond a neighbouring neutral. */
const BIDI_MARKS = /[\u200E\u200F\u061C]/;
/**
 * What draws nothing on its own: white space, default-ignorable code points (zero-width spaces and joiners,
 * U+2060, U+FEFF, soft hyphen, Hangul fillers, variation selectors, tags), combining marks without a base,
 * controls and the blank Braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}\u2800]/gu;
/** More combining marks on one character than any script stacks ("Zalgo" text that overflows its line). */
const MARK_PILE = /\p{M}{9,}/u;
/** U+FFFD: what a decoder puts where the bytes were not UTF-8. */
const REPLACEMENT = /\uFFFD/;

/** How strict a text field is; see textProblemCode. */
export interface TextRules {
  /** One line: a name, headline, title, label or query (no line breaks, tabs or direction marks). */
  line?: boolean;
  /** Must contain at least one visible character. */
  required?: boolean;
  /** Refuse U+FFFD: query parameters, where it means the URL was not valid UTF-8. */
  strictEncoding?: boolean;
}

/**
 * Why a text breaks the rules, as a stable code. It is the API's field error code for the text, and the key
 * of its message (`field.<code>`) in the errors catalogue, common/i18n/errors: the server words the field
 * error from there and the web words its own check the same way, in the reader's language.
 */
export type TextProblem =
  | 'text_unicode'
  | 'text_utf8'
  | 'text_one_line'
  | 'text_control'
  | 'text_direction'
  | 'text_marks'
  | 'text_empty'
  | 'text_invisible';

/**
 * Why a text breaks the rules, or null when it is fine. Checked before normalisation, on exactly what was
 * sent.
 *
 * Free text (About, notes, messages) may keep line breaks and the implicit direction marks LRM, RLM and
 * ALM, which a writer of mixed Arabic or Hebrew and Latin prose uses to place punctuation; one-line texts
 * (names, headlines, organisations) may not, since nothing in a name needs them and they can make two
 * names look alike. Embeddings, overrides and isolates are refused everywhere.
 */
export function textProblemCode(value: string, rules: TextRules = {}): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'text_unicode';
  if (rules.strictEncoding && REPLACEMENT.test(value)) return 'text_utf8';
  if ((rules.line ? CONTROL_OR_BREAK : CONTROL).test(value)) return rules.line ? 'text_one_line' : 'text_control';
  if (BIDI_FORMATTING.test(value) || (rules.line && BIDI_MARKS.test(value))) return 'text_direction';
  if (rules.line && MARK_PILE.test(value)) return 'text_marks';
  if (rules.required && value.trim() === '') return 'text_empty';
  if (rules.required && !hasVisibleCharacters(value)) return 'text_invisible';
  return null;
}

/** True when something in the text would show on screen: not only spaces, zero-width characters or marks. */
export function hasVisibleCharacters(value: string): boolean {
  return value.replace(INVISIBLE, '').length > 0;
}

/** The stored form of a display text: NFC (so equal-looking texts are equal strings), trimmed. */
export function normaliseText(value: string): string {
  return value.normalize('NFC').trim();
}
