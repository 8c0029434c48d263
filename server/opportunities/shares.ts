/**
 * Where opportunities came from (issue 15): how each relationship began, as origin codes, and the report's
 * shares. Pure functions of facts loaded beforehand (server/queries/opportunities/origins.ts loads them).
 */
import { type DegreeAtStart, OPPORTUNITY_ORIGINS, type OpportunityOrigin } from '../../common/opportunities.ts';

/** What is known about how one relationship began, seen from the member who keeps the log. */
export interface OriginFacts {
  connected: boolean;
  /** The connection's origin context ('introduction', 'comment', 'import', 'search'…); null when not connected. */
  context: string | null;
  /** The invitation's degree at send: 2 or 3, 0 for none within 3 hops, null when never recorded. */
  degreeAtSend: number | null;
  /** The invitation was accepted on arrival by an open (accept-all) policy or rule: folder 'auto'. */
  openInvitation: boolean;
  /** We had commented or reacted on each other's posts before the relationship began. */
  viaPosts: boolean;
  /** The person matches one of my imported contacts. */
  importedContact: boolean;
}

/** The degree between us when the relationship began, as the report words it. */
export function degreeAtStart(degreeAtSend: number | null): DegreeAtStart {
  if (degreeAtSend === 2 || degreeAtSend === 3) return String(degreeAtSend) as '2' | '3';
  if (degreeAtSend === 0) return 'beyond';
  return 'unknown';
}

/** Every way this relationship counts in the report, in the report's order. */
export function originsOf(f: OriginFacts): OpportunityOrigin[] {
  const found = new Set<OpportunityOrigin>();
  if (f.connected && (f.degreeAtSend === 2 || f.degreeAtSend === 3)) found.add('weak_tie');
  if (f.context === 'comment' || f.viaPosts) found.add('posts');
  if (f.context === 'introduction') found.add('introduction');
  if (f.openInvitation) found.add('open_invitation');
  if (f.context === 'import' || f.importedContact) found.add('import');
  if (!f.connected) found.add('not_connected');
  return OPPORTUNITY_ORIGINS.filter((o) => found.has(o));
}

/** An opportunity as the report counts it: its value, if given, and the origins of all its people together. */
export interface Counted {
  value: number | null;
  origins: readonly OpportunityOrigin[];
}

export interface Share {
  origin: OpportunityOrigin;
  count: number;
  share: number;
  value: number;
  valueShare: number | null;
}

export interface Shares {
  total: number;
  totalValue: number;
  valued: number;
  shares: Share[];
  other: number;
}

/** The union of several people's origins, in the report's order. */
export function unionOrigins(lists: readonly (readonly OpportunityOrigin[])[]): OpportunityOrigin[] {
  const all = new Set(lists.flat());
  return OPPORTUNITY_ORIGINS.filter((o) => all.has(o));
}

/**
 * The share of opportunities that came each way, by count and, where values were given, by value: an
 * opportunity counts once in each way any of its people came, so the shares overlap. Value shares are over
 * the opportunities that carry a value (null when none does), so one unvalued opportunity does not dilute them.
 */
export function computeShares(opportunities: readonly Counted[]): Shares {
  const total = opportunities.length;
  const valued = opportunities.filter((o) => o.value !== null);
  const totalValue = valued.reduce((sum, o) => sum + (o.value ?? 0), 0);
  const shares = OPPORTUNITY_ORIGINS.map((origin): Share => {
    const these = opportunities.filter((o) => o.origins.includes(origin));
    const value = these.reduce((sum, o) => sum + (o.value ?? 0), 0);
    return {
      origin,
      count: these.length,
      share: total === 0 ? 0 : these.length / total,
      value,
      valueShare: valued.length === 0 || totalValue === 0 ? null : value / totalValue,
    };
  });
  const other = opportunities.filter((o) => o.origins.length === 0).length;
  return { total, totalValue, valued: valued.length, shares, other };
}
