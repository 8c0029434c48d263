/**
 * What `npm audit --json` said, as a verdict CI can act on (scripts/audit.ts). npm prints the same exit code
 * when it found advisories and when it could not ask for them, so the JSON is read instead: a report
 * (`auditReportVersion` 2, npm 7 and later) is counted by severity; anything else is an unreachable advisory
 * database, which is reported as such and never passed off as "no advisories".
 */
export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export interface AuditFinding {
  name: string;
  severity: Severity;
  /** The advisories' titles, or the packages through which this one is vulnerable. */
  via: string[];
  fixAvailable: boolean;
}

export type AuditVerdict =
  | { kind: 'checked'; counts: Record<Severity, number>; failing: AuditFinding[] }
  | { kind: 'unreachable'; reason: string };

const FAILING: ReadonlySet<Severity> = new Set(['high', 'critical']);

interface NpmVulnerability {
  name?: string;
  severity?: Severity;
  via?: (string | { title?: string; source?: number })[];
  fixAvailable?: unknown;
}

export function auditVerdict(output: string): AuditVerdict {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(output) as Record<string, unknown>;
  } catch {
    return { kind: 'unreachable', reason: `npm audit printed no JSON: ${output.trim().slice(0, 200) || '(nothing)'}` };
  }
  if (report.auditReportVersion !== 2 || typeof report.vulnerabilities !== 'object' || report.vulnerabilities === null) {
    const message = typeof report.message === 'string' ? report.message : JSON.stringify(report).slice(0, 200);
    return { kind: 'unreachable', reason: message };
  }
  const counts: Record<Severity, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  const failing: AuditFinding[] = [];
  for (const [key, v] of Object.entries(report.vulnerabilities as Record<string, NpmVulnerability>)) {
    const severity = v.severity ?? 'info';
    counts[severity] += 1;
    if (!FAILING.has(severity)) continue;
    const via = (v.via ?? []).map((x) => (typeof x === 'string' ? x : (x.title ?? `advisory ${x.source ?? '?'}`)));
    failing.push({ name: v.name ?? key, severity, via, fixAvailable: Boolean(v.fixAvailable) });
  }
  return { kind: 'checked', counts, failing };
}
