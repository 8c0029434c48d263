import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from './i18n.ts';

/**
 * Dates, times, numbers and lists in the active language, through `Intl` (never hand-built): "4 gennaio
 * 2027, 14:05", "3 giorni fa", "1.234", "Ana, Li e Bo". Formatters are cached per language and style,
 * since constructing an `Intl` formatter costs far more than using one.
 *
 * Components call `useFormat()`, which re-renders them when the language changes; code outside React
 * (helpers that build sentences) calls the plain functions, which read the active language.
 */

const formatters = new Map<string, unknown>();

function memo<F>(key: string, make: () => F): F {
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as F;
}

const language = () => i18n.language || 'en';
const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/** "4 January 2027" / "4 gennaio 2027" (`long`), "4 Jan 2027" (`medium`), "04/01/2027" (`short`). */
export function formatDate(value: string | Date, style: 'long' | 'medium' | 'short' = 'medium', lang = language()): string {
  return memo(`date:${lang}:${style}`, () => new Intl.DateTimeFormat(lang, { dateStyle: style })).format(toDate(value));
}

/** "4 January 2027 at 14:05", in the reader's time zone. */
export function formatDateTime(value: string | Date, lang = language()): string {
  return memo(`datetime:${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' })).format(
    toDate(value),
  );
}

/** "January 2027" / "gennaio 2027": a month, for positions and studies. */
export function formatMonth(value: string | Date, lang = language()): string {
  return memo(`month:${lang}`, () => new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric' })).format(toDate(value));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago" / "3 giorni fa", "yesterday" / "ieri", "just now" / "adesso". */
export function formatTimeAgo(value: string | Date, now = Date.now(), lang = language()): string {
  const relative = memo(`relative:${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  const seconds = Math.round((toDate(value).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    // Under a minute no count is given: seconds would change under the reader's eyes.
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  // Under a minute reads as "just now" where the language has words for it (Intl's own is a bare "now").
  const justNow = { lng: lang, ns: 'common' } as const;
  return i18n.exists('time.justNow', justNow) ? i18n.t('time.justNow', justNow) : relative.format(0, 'second');
}

/** "1,234" / "1.234". */
export function formatNumber(value: number, lang = language()): string {
  return memo(`number:${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/** "Ana, Li and Bo" / "Ana, Li e Bo" (`conjunction`), "Ana, Li or Bo" (`disjunction`). */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction', lang = language()): string {
  return memo(`list:${lang}:${type}`, () => new Intl.ListFormat(lang, { style: 'long', type })).format(items);
}

/** The formatters above bound to the active language; the calling component re-renders when it changes. */
export function useFormat() {
  const { i18n: instance } = useTranslation();
  const lang = instance.language || 'en';
  return useMemo(
    () => ({
      language: lang,
      date: (value: string | Date, style?: 'long' | 'medium' | 'short') => formatDate(value, style, lang),
      dateTime: (value: string | Date) => formatDateTime(value, lang),
      month: (value: string | Date) => formatMonth(value, lang),
      timeAgo: (value: string | Date, now?: number) => formatTimeAgo(value, now, lang),
      number: (value: number) => formatNumber(value, lang),
      list: (items: readonly string[], type?: 'conjunction' | 'disjunction') => formatList(items, type, lang),
    }),
    [lang],
  );
}
