const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-04" → "Apr 2021". */
export function formatMonth(ym: string): string {
  const [y, m] = ym.split('-');
  const name = MONTHS[Number(m) - 1];
  return name ? `${name} ${y}` : ym;
}

export function formatRange(start: string | null, end: string | null): string {
  if (!start) return end ? `Until ${formatMonth(end)}` : '';
  return `${formatMonth(start)} – ${end ? formatMonth(end) : 'Present'}`;
}

export function formatYears(start: number | null, end: number | null): string {
  if (start && end) return `${start} – ${end}`;
  return String(start ?? end ?? '');
}
