/**
 * The dates of every file kind, in every era we know of, to ISO strings: a full UTC timestamp when the source
 * gives a time, else yyyy-mm-dd, yyyy-mm or yyyy. Accepted shapes (with the file that writes them):
 *   08 Feb 2026 / 8 February 2026       LinkedIn Connections.csv `Connected On` (since ~2020)
 *   Feb 8, 2026                          long US form, seen in hand-edited and older exports
 *   2/8/26, 2/8/2026, 1/29/26, 2:37 PM   LinkedIn Connections.csv before ~2020, Invitations.csv `Sent At`,
 *                                        Recommendations_Received.csv, Outlook birthdays: always US month/day
 *   2026-01-29 14:37:00 UTC, 2026-01-29  LinkedIn messages.csv `DATE`, Google birthdays, ISO anything
 *   2020/05/12 10:11:12 UTC              LinkedIn Endorsement_Received_Info.csv
 *   Feb 2019, 2019, 2019-02              LinkedIn Positions.csv and Education.csv
 * Times without a zone are taken as UTC (LinkedIn does not say which zone it writes). Two-digit years are
 * 20yy below 70 and 19yy otherwise. A date that matches a shape but cannot exist (31 Feb, month 13) or that
 * matches no shape is `bad`: the caller reports bad_date and drops the field.
 */

export type ParsedDate = { iso: string } | 'bad' | null;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i === -1 ? null : i + 1;
}

function fullYear(text: string): number {
  const y = Number(text);
  return text.length <= 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Parts {
  year: number;
  month?: number | null;
  day?: number;
  time?: { hour: number; minute: number; second: number } | null;
}

function build({ year, month, day, time }: Parts): ParsedDate {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return 'bad';
  if (month === null) return 'bad';
  if (month === undefined) return { iso: pad(year, 4) };
  if (month < 1 || month > 12) return 'bad';
  if (day === undefined) return { iso: `${pad(year, 4)}-${pad(month)}` };
  if (day < 1 || day > daysIn(year, month)) return 'bad';
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (time === undefined) return { iso: date };
  if (time === null || time.hour > 23 || time.minute > 59 || time.second > 59) return 'bad';
  return { iso: `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}.000Z` };
}

/** `14:37`, `14:37:00`, `2:37 PM`, each optionally followed by UTC/GMT/Z; null if it cannot be a time. */
function parseTime(text: string | undefined): Parts['time'] {
  if (text === undefined || text.trim() === '') return undefined;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?\s*(?:utc|gmt|z)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  if (m[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[4].toLowerCase().startsWith('p') ? 12 : 0);
  }
  return { hour, minute: Number(m[2]), second: Number(m[3] ?? 0) };
}

const SHAPES: [RegExp, (m: RegExpExecArray) => Parts][] = [
  // 2026-01-29, 2026-01-29 14:37:00 UTC, 2026-01-29T14:37:00Z, 2020/05/12 10:11:12 UTC
  [/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(.+))?$/i, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), time: parseTime(m[4]) })],
  // 1/29/26, 2:37 PM  or  2/8/2026
  [/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(.+))?$/, (m) => ({ year: fullYear(m[3]!), month: Number(m[1]), day: Number(m[2]), time: parseTime(m[4]) })],
  // 08 Feb 2026, 8 February 2026
  [/^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})$/i, (m) => ({ year: Number(m[3]), month: monthOf(m[2]!), day: Number(m[1]) })],
  // Feb 8, 2026
  [/^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i, (m) => ({ year: Number(m[3]), month: monthOf(m[1]!), day: Number(m[2]) })],
  // Feb 2019
  [/^([a-z]{3,9})\.?\s+(\d{4})$/i, (m) => ({ year: Number(m[2]), month: monthOf(m[1]!) })],
  // 2019-02
  [/^(\d{4})-(\d{1,2})$/, (m) => ({ year: Number(m[1]), month: Number(m[2]) })],
  // 2019
  [/^(\d{4})$/, (m) => ({ year: Number(m[1]) })],
];

/** Parses one cell; null for an empty cell. */
export function parseDate(text: string): ParsedDate {
  const value = text.trim();
  if (value === '') return null;
  for (const [shape, parts] of SHAPES) {
    const m = shape.exec(value);
    if (m) return build(parts(m));
  }
  return 'bad';
}

/** A birthday: like parseDate, plus vCard/Google's year-less `--mm-dd` / `--mmdd`; Outlook's `0/0/00` means none. */
export function parseBirthday(text: string): ParsedDate {
  const value = text.trim();
  if (value === '' || value === '0/0/00' || value === '00/00/0000') return null;
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (yearless) {
    const parsed = build({ year: 2000, month: Number(yearless[1]), day: Number(yearless[2]) });
    return parsed === 'bad' || parsed === null ? parsed : { iso: `--${parsed.iso.slice(5)}` };
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return build({ year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) });
  const parsed = parseDate(value);
  return parsed !== null && parsed !== 'bad' ? { iso: parsed.iso.slice(0, 10) } : parsed;
}

/** An ISO date or timestamp as a full UTC timestamp, so that instants compare as strings. */
export function asInstant(iso: string): string {
  if (iso.length > 10) return iso;
  return `${iso}${iso.length === 4 ? '-01-01' : iso.length === 7 ? '-01' : ''}T00:00:00.000Z`;
}
