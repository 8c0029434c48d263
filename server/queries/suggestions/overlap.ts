/**
 * Overlapping time at an organisation or a school, from raw stints: pure, so the rules for open-ended
 * and single-year entries live in one place and are tested without a database.
 */
import { DAY_MS, EPOCH_2000_MS } from '../../graph/scoring.ts';

/** A candidate's stint next to one of the viewer's at the same organisation, as load.ts reads them. */
export interface RawStint {
  kind: 'org' | 'school';
  /** The candidate. */
  id: number;
  orgId: number;
  /** Already connected to the viewer: counts towards the cohort, is not a candidate. */
  connected: boolean;
  /** Organisations: days since 2000-01-01, end null while ongoing. Schools: years, either may be null. */
  start: number | null;
  end: number | null;
  viewerStart: number | null;
  viewerEnd: number | null;
}

/** One stint the viewer shared with a candidate. */
export interface OverlapRow {
  kind: 'org' | 'school';
  id: number;
  orgId: number;
  orgName: string;
  /** Members whose time there overlapped with the viewer's, connected or not. */
  cohort: number;
  /** Length of the overlap in years (> 0). */
  years: number;
  /** Years from the end of the overlap to now (0 while ongoing). */
  yearsSince: number;
  fromYear: number;
  /** Last year of the overlap; null while both are still there. */
  toYear: number | null;
}

const yearOfDay = (day: number) => new Date(EPOCH_2000_MS + day * DAY_MS).getUTCFullYear();

/**
 * A study as [start, end) in years with the label of its last year: "2012–2015" is [2012, 2015), so
 * 2015–2019 and 2019–2023 do not overlap; a single-year entry counts as one year; an entry without an
 * end is ongoing if it began in the last five years and otherwise taken as a four-year course.
 */
function study(start: number | null, end: number | null, year: number): { s: number; t: number; last: number | null } | null {
  if (start === null) return null;
  if (end !== null) return { s: start, t: Math.max(end, start + 1), last: Math.max(end, start) };
  return start >= year - 5 ? { s: start, t: year + 1, last: null } : { s: start, t: start + 4, last: start + 4 };
}

/** The overlap of two stints, or null when they do not overlap. Jobs are clamped to today. */
function overlapOf(r: RawStint, nowMs: number): Omit<OverlapRow, 'orgName' | 'cohort'> | null {
  if (r.kind === 'org') {
    const today = Math.floor((nowMs - EPOCH_2000_MS) / DAY_MS);
    if (r.start === null || r.viewerStart === null) return null;
    const s = Math.max(r.start, r.viewerStart);
    const t = Math.min(r.end ?? today, r.viewerEnd ?? today, today);
    if (!(t > s)) return null;
    const open = (r.end === null || r.end > today) && (r.viewerEnd === null || r.viewerEnd > today);
    return { kind: 'org', id: r.id, orgId: r.orgId, years: (t - s) / 365.25, yearsSince: (today - t) / 365.25, fromYear: yearOfDay(s), toYear: open ? null : yearOfDay(t) };
  }
  const year = new Date(nowMs).getUTCFullYear();
  const a = study(r.start, r.end, year);
  const b = study(r.viewerStart, r.viewerEnd, year);
  if (!a || !b) return null;
  const s = Math.max(a.s, b.s);
  const t = Math.min(a.t, b.t);
  if (!(t > s)) return null;
  const last = a.last === null ? b.last : b.last === null ? a.last : Math.min(a.last, b.last);
  return { kind: 'school', id: r.id, orgId: r.orgId, years: t - s, yearsSince: Math.max(0, year - t), fromYear: s, toYear: last };
}

/**
 * The overlaps of candidates who are not yet connected, each with its cohort: how many members (connected
 * or not) overlapped with the viewer at that organisation or school.
 */
export function overlapsFrom(raw: readonly RawStint[], orgNames: ReadonlyMap<number, string>, nowMs: number): OverlapRow[] {
  const cohorts = new Map<string, Set<number>>();
  const found: { o: Omit<OverlapRow, 'orgName' | 'cohort'>; key: string; connected: boolean }[] = [];
  for (const r of raw) {
    const o = overlapOf(r, nowMs);
    if (!o) continue;
    const key = `${r.kind}:${r.orgId}`;
    let members = cohorts.get(key);
    if (!members) cohorts.set(key, (members = new Set()));
    members.add(r.id);
    found.push({ o, key, connected: r.connected });
  }
  return found
    .filter((f) => !f.connected)
    .map((f) => ({ ...f.o, orgName: orgNames.get(f.o.orgId) ?? '', cohort: cohorts.get(f.key)!.size }));
}
