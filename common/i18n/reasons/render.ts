/**
 * Words a reason (a code with parameters, common/reasons.ts) in a language, through a formatter of the
 * reasons catalogue (en.ts, it.ts): the server's, over the catalogue itself (catalogue.ts), or the web's
 * i18next `t` over the `reasons` namespace. Pure: the formatter and the language are all it reads.
 *
 * This module holds no messages, so the web's bundle gets them only from its lazily loaded namespace.
 * It types reasons structurally rather than importing common/reasons.ts, which imports it.
 */

type Param = string | number | string[];

/** What the renderer reads of a reason; `text` is the fallback for a code it cannot word. */
export interface RenderableReason {
  code: string;
  params: Record<string, Param>;
  text: string;
}

/** The values an ICU message is formatted with. */
export type ReasonArgs = Record<string, string | number>;

/** Formats a key of the reasons catalogue (`risk.held`, `words.quoted`) with ICU arguments; undefined when it cannot. */
export type ReasonFormatter = (key: string, args?: ReasonArgs) => string | undefined;

/** A code is a group and a name (`risk.held`); `words` are list items, not reasons. */
const CODE = /^(?!words\.)[a-z]+\.[a-z_]+$/;

/**
 * Reasons are written in British English (organisation, favour) and have always joined lists without a
 * serial comma ("A, B and C"), so English lists are formatted as en-GB.
 */
const LIST_LOCALES: Record<string, string> = { en: 'en-GB' };
const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(language: string, type: 'conjunction' | 'unit'): Intl.ListFormat {
  const key = `${language}:${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(LIST_LOCALES[language] ?? language, { style: 'long', type });
    listFormats.set(key, format);
  }
  return format;
}

const strings = (value: Param | undefined): string[] => (Array.isArray(value) ? value : []);
const num = (value: Param | undefined): number => (typeof value === 'number' ? value : Number(value));

interface Helpers {
  /** A word from the catalogue's `words`, or `fallback` when it has none. */
  word(key: string, args: ReasonArgs, fallback: string): string;
  /** "Ana, Li and Bo" / "Ana, Li e Bo"; `unit` joins without a conjunction in English ("A, B, C"). */
  list(items: readonly string[], type?: 'conjunction' | 'unit'): string;
}

type Prepare = (p: Record<string, Param>, h: Helpers) => ReasonArgs;

/** Shared time: ongoing (no end year), one year, or a span; years as text, so never grouped as numbers. */
const together: Prepare = (p) => {
  const fromYear = num(p.fromYear);
  const toYear = p.toYear === undefined ? undefined : num(p.toYear);
  const span = toYear === undefined ? 'ongoing' : toYear <= fromYear ? 'single' : 'span';
  return { span, fromYear: String(p.fromYear), toYear: String(p.toYear ?? '') };
};

/** A window of time in whole hours when it is one ("within an hour"), else in minutes. */
const within: Prepare = (p) => {
  const minutes = num(p.minutes);
  return { unit: minutes % 60 === 0 ? 'hours' : 'minutes', hours: minutes / 60, minutes };
};

const examples: Prepare = (p, h) => ({
  examples: h.list(
    strings(p.examples).map((text) => h.word('words.quoted', { text }, `"${text}"`)),
    'unit',
  ),
});

const REPORT_REASONS = ['spam', 'fake', 'scam', 'harassment', 'other'] as const;

/** The arguments a code needs beyond its parameters as they are. */
const PREPARE: Record<string, Prepare> = {
  'suggestion.mutual_connections': (p, h) => {
    const count = num(p.count);
    const names = strings(p.names);
    const shape = names.length === 0 ? 'none' : names.length >= count ? 'all' : 'some';
    const others = shape === 'some' ? [h.word('words.others', { count: count - names.length }, `${count - names.length}`)] : [];
    return { shape, names: h.list(names), namesAndOthers: h.list([...names, ...others]) };
  },
  'suggestion.same_organisation': together,
  'suggestion.same_school': together,
  'notice.invitations_restricted': (p) => ({ limit: p.days ? 'days' : 'open' }),
  'notice.restrictions_lifted': (p, h) => ({ kinds: h.list(strings(p.kinds).map((kind) => h.word(`words.restriction.${kind}`, {}, kind))) }),
  'signup.same_ip': within,
  'signup.same_subnet': within,
  'cluster.similar_names': examples,
  'cluster.similar_headlines': examples,
  'placement.rule': (p, h) => {
    const value: Record<string, ReasonArgs> = {
      mutuals: { count: num(p.mutuals) },
      strength: { value: num(p.strength) },
      degree: { degree: String(p.degree) },
      risk: { value: num(p.risk) },
    };
    return { conditions: h.list(strings(p.conditions).map((c) => h.word(`words.condition.${c}`, value[c] ?? {}, c))) };
  },
  'flag.reports': (p, h) => {
    // The most given first, then in a fixed order.
    const given = REPORT_REASONS.flatMap((k) => (typeof p[k] === 'number' ? [[k, p[k]] as const] : []));
    given.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const items = given.map(([k, count]) => h.word('words.reportCount', { reason: h.word(`words.report.${k}`, {}, k), count }, `${k} × ${count}`));
    return { byReason: h.list(items, 'unit') };
  },
};

/**
 * A reason in `language`, worded by `t` from the reasons catalogue: list parameters joined the way the
 * language joins them, plurals by its rules. A code the catalogue does not know, or parameters its message
 * cannot be formatted with, give the reason's `text`.
 */
export function renderReasonWith(t: ReasonFormatter, language: string, reason: RenderableReason): string {
  if (!CODE.test(reason.code)) return reason.text;
  const helpers: Helpers = {
    word: (key, args, fallback) => t(key, args) ?? fallback,
    list: (items, type = 'conjunction') => listFormat(language, type).format(items),
  };
  try {
    const args: ReasonArgs = {};
    for (const [name, value] of Object.entries(reason.params)) args[name] = Array.isArray(value) ? helpers.list(value) : value;
    const prepare = Object.hasOwn(PREPARE, reason.code) ? PREPARE[reason.code] : undefined;
    Object.assign(args, prepare?.(reason.params, helpers));
    return t(reason.code, args) ?? reason.text;
  } catch {
    return reason.text;
  }
}
