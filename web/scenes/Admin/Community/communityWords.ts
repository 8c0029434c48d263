import { useCallback } from 'react';
import { useFormat } from '../../../i18n/format.ts';

/** "6 Dec" / "6 dic": a UTC day of the rollups (YYYY-MM-DD), as a day, whatever the reader's time zone. */
export function useDayLabel(): (day: string) => string {
  const { language } = useFormat();
  return useCallback(
    (day: string) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
    [language],
  );
}

/** "6 Dec 2026": a signup week's Monday, with its year. */
export function useWeekLabel(): (day: string) => string {
  const { language } = useFormat();
  return useCallback(
    (day: string) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
    [language],
  );
}
