import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';

/** "2021-04" → the first of that month, local time (new Date("2021-04") is UTC and can fall in March). */
function monthDate(ym: string): Date | null {
  const [y, m] = ym.split('-').map(Number);
  return y && m && m >= 1 && m <= 12 ? new Date(y, m - 1, 1) : null;
}

/**
 * A position's dates in the reader's language: "April 2019 – Present", "aprile 2019 – oggi", "Until March 2022".
 * Months are stored as "YYYY-MM".
 */
export function useDateRange(): (start: string | null, end: string | null) => string {
  const { t } = useTranslation('profile');
  const { month } = useFormat();
  const name = (ym: string) => {
    const date = monthDate(ym);
    return date ? month(date) : ym;
  };
  return (start, end) => {
    if (!start) return end ? t('dates.until', { end: name(end) }) : '';
    return end ? t('dates.range', { start: name(start), end: name(end) }) : t('dates.current', { start: name(start) });
  };
}

/** "2015 – 2019": years are numbers, the same in every language. */
export function formatYears(start: number | null, end: number | null): string {
  if (start && end) return `${start} – ${end}`;
  return String(start ?? end ?? '');
}
