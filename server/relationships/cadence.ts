/**
 * Cadences as the database keeps them: the effective cadence of a card is a number of days (`cadence_days`),
 * so that recording an interaction moves `due_at` without reading tags (record.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { CADENCE_DAYS, CADENCES, type Cadence } from '../../common/relationships.ts';

/** The cadence whose length is `days` (cadence_days always holds one of them), or null. */
export function cadenceOfDays(days: number | null): Cadence | null {
  if (days === null) return null;
  return CADENCES.find((c) => CADENCE_DAYS[c] === days) ?? null;
}

/** An SQL expression: the days of a cadence column (null stays null). */
export const daysOf = (column: SQL): SQL =>
  sql`(CASE ${column} ${sql.join(
    CADENCES.map((c) => sql`WHEN ${c} THEN ${CADENCE_DAYS[c]}::int`),
    sql` `,
  )} END)`;
