import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import type { GardenDimension } from '../../garden/diversity.ts';

/** One dimension's community baseline, as the garden.baseline job last kept it. */
export interface Baseline {
  bins: number[];
  members: number;
  median: number | null;
}

/** The rollup as it stands (empty before the first run); a few rows, one statement. */
export async function loadBaselines(db: DbOrTx): Promise<Map<GardenDimension, Baseline>> {
  const found = await rows<{ dimension: GardenDimension; bins: number[]; members: number; median: number | null }>(
    db,
    sql`SELECT dimension, bins, members, median FROM garden_baselines`,
  );
  return new Map(found.map((r) => [r.dimension, { bins: r.bins.map(Number), members: Number(r.members), median: r.median === null ? null : Number(r.median) }]));
}
