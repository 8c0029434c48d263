/**
 * The human-readable reasons shown with a suggestion. Pure: facts and names in, sentences out.
 */

/** "14 mutual connections, including Ana Ruiz and Li Wei", "2 mutual connections: Ana Ruiz and Li Wei", "1 mutual connection: Ana Ruiz". */
export function mutualReason(count: number, names: readonly string[]): string {
  const noun = count === 1 ? 'mutual connection' : 'mutual connections';
  const shown = names.slice(0, Math.min(2, count));
  if (shown.length === 0) return `${count} ${noun}`;
  const list = shown.length === 1 ? shown[0]! : `${shown[0]!} and ${shown[1]!}`;
  return shown.length === count ? `${count} ${noun}: ${list}` : `${count} ${noun}, including ${list}`;
}

export interface OverlapSpan {
  kind: 'org' | 'school';
  name: string;
  /** First year of the overlap. */
  fromYear: number;
  /** Last year of the overlap (null while both are still there). */
  toYear: number | null;
}

/** "Both at Acme, 2019–2021", "Both at Acme since 2020", "Both at Acme in 2019", "Both studied at X, 2012–2015". */
export function overlapReason(o: OverlapSpan): string {
  if (o.kind === 'org') {
    if (o.toYear === null) return `Both at ${o.name} since ${o.fromYear}`;
    if (o.toYear <= o.fromYear) return `Both at ${o.name} in ${o.fromYear}`;
    return `Both at ${o.name}, ${o.fromYear}–${o.toYear}`;
  }
  if (o.toYear === null) return `Both studying at ${o.name} since ${o.fromYear}`;
  if (o.toYear <= o.fromYear) return `Both studied at ${o.name} in ${o.fromYear}`;
  return `Both studied at ${o.name}, ${o.fromYear}–${o.toYear}`;
}

export const placeReason = (place: string): string => `Also in ${place}`;
export const industryReason = (industry: string): string => `Also in ${industry}`;
