/**
 * The garden's measures (issue 15), as pure functions of counts: Blau's index of heterogeneity and Shannon
 * entropy per dimension, age bands from a year of birth, and where a member stands in the community's
 * distribution of Blau. The queries load the counts (server/queries/garden/); nothing here reads anything.
 *
 * Unknowns ("did not say") are counted and shown, but never take part in p: a network where half said
 * nothing is not thereby more varied.
 */

import type { AgeBand } from '../../common/garden.ts';

export { AGE_BANDS, GARDEN_DIMENSIONS, type AgeBand, type GardenDimension } from '../../common/garden.ts';

/** Blau's index 1 − Σp² over the known values: 0 when everyone is alike, towards 1 as they spread. Null when nobody is known. */
export function blau(counts: readonly number[]): number | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  return 1 - counts.reduce((s, n) => s + (n / total) ** 2, 0);
}

/** Shannon entropy −Σp ln p (nats) over the known values: 0 when everyone is alike. Null when nobody is known. */
export function shannon(counts: readonly number[]): number | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  let h = 0;
  for (const n of counts) if (n > 0) h -= (n / total) * Math.log(n / total);
  return h === 0 ? 0 : h; // no −0
}

/** The band of a year of birth in `year` (the age they turn this year, so it never needs a birthday). */
export function ageBand(birthYear: number, year: number): AgeBand {
  const age = year - birthYear;
  if (age < 25) return 'under25';
  if (age < 35) return '25to34';
  if (age < 45) return '35to44';
  if (age < 55) return '45to54';
  if (age < 65) return '55to64';
  return '65plus';
}

/** The baseline is kept as a histogram of members' Blau: BLAU_BINS bins of width 1/BLAU_BINS. */
export const BLAU_BINS = 100;

export const blauBin = (value: number) => Math.min(BLAU_BINS - 1, Math.max(0, Math.floor(value * BLAU_BINS)));

/**
 * Where a Blau value stands among the community's: the share (0–100, whole) of members whose network is
 * less varied in that dimension. Members in the same bin count as half below, half above, so a community
 * where everyone is alike puts everyone at 50.
 */
export function percentileOf(value: number, bins: readonly number[]): number | null {
  const total = bins.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const at = blauBin(value);
  let below = 0;
  for (let i = 0; i < at; i++) below += bins[i] ?? 0;
  return Math.round((100 * (below + (bins[at] ?? 0) / 2)) / total);
}
