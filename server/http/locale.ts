import { type Locale, isLocale } from '../../common/locales.ts';

/**
 * Past this many characters an Accept-Language header is not a browser's (theirs are a few dozen): only
 * its beginning is read, so a hostile header costs the same as a short one.
 */
const MAX_HEADER_CHARS = 1024;
const MAX_RANGES = 32;

/**
 * The languages an Accept-Language header asks for that Rapport ships, most wanted first (RFC 9110
 * §12.5.4): "it-IT" counts as "it", q=0 means "not this one", ranges Rapport does not ship (and "*") are
 * skipped, and anything malformed is ignored rather than refused. Equal weights keep the header's order.
 */
export function localesFromAcceptLanguage(header: string | string[] | undefined): Locale[] {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (!raw) return [];
  const wanted: { locale: Locale; q: number; order: number }[] = [];
  const refused = new Set<Locale>();
  const ranges = raw.slice(0, MAX_HEADER_CHARS).split(',').slice(0, MAX_RANGES);
  ranges.forEach((range, order) => {
    const [tag = '', ...params] = range.split(';').map((part) => part.trim());
    const primary = tag.toLowerCase().split('-')[0];
    if (!isLocale(primary)) return;
    const q = quality(params);
    if (q === null) return;
    if (q === 0) refused.add(primary);
    else wanted.push({ locale: primary, q, order });
  });
  wanted.sort((a, b) => b.q - a.q || a.order - b.order);
  const result: Locale[] = [];
  for (const { locale } of wanted) if (!refused.has(locale) && !result.includes(locale)) result.push(locale);
  return result;
}

/** The weight of a range: 1 without q, the q value when it is well-formed (0 to 1, three decimals), null when malformed. */
function quality(params: string[]): number | null {
  const q = params.find((p) => /^q\s*=/i.test(p));
  if (q === undefined) return 1;
  const value = q.slice(q.indexOf('=') + 1).trim();
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return null;
  return Number(value);
}

export interface LocaleSources {
  /** The member's own setting, when there is a member and they chose one. */
  memberLocale?: Locale | null;
  /** The Accept-Language header of the request that caused the text, when a person is behind it. */
  acceptLanguage?: string | string[] | undefined;
  /** The community's language: config.defaultLocale (DEFAULT_LOCALE). */
  defaultLocale: Locale;
}

/**
 * The one answer to "which language?": the member's setting, else what their browser asks for, else the
 * community's default. Emails, and later every server text, go through here.
 */
export function resolveLocale({ memberLocale, acceptLanguage, defaultLocale }: LocaleSources): Locale {
  if (isLocale(memberLocale)) return memberLocale;
  return localesFromAcceptLanguage(acceptLanguage)[0] ?? defaultLocale;
}
