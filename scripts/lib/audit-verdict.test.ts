import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit-verdict.ts';

// The shapes npm 7+ prints for `npm audit --json`: a report, and the error this machine's registry gives.
const report = (vulnerabilities: Record<string, unknown>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: {}, dependencies: { prod: 120 } } });

describe('auditVerdict', () => {
  it('passes a report with no advisories', () => {
    const v = auditVerdict(report({}));
    expect(v).toEqual({ kind: 'checked', counts: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 }, failing: [] });
  });

  it('counts every severity and fails only on high and critical', () => {
    const v = auditVerdict(
      report({
        'tar-lite': { name: 'tar-lite', severity: 'high', via: [{ source: 1097, title: 'Arbitrary file write' }], fixAvailable: true },
        wrapper: { name: 'wrapper', severity: 'critical', via: ['tar-lite'], fixAvailable: false },
        colours: { name: 'colours', severity: 'moderate', via: [{ source: 12, title: 'ReDoS' }], fixAvailable: true },
        quiet: { name: 'quiet', severity: 'low', via: [{ source: 13 }], fixAvailable: false },
      }),
    );
    if (v.kind !== 'checked') throw new Error(`expected a report, got ${v.reason}`);
    expect(v.counts).toEqual({ info: 0, low: 1, moderate: 1, high: 1, critical: 1 });
    expect(v.failing).toEqual([
      { name: 'tar-lite', severity: 'high', via: ['Arbitrary file write'], fixAvailable: true },
      { name: 'wrapper', severity: 'critical', via: ['tar-lite'], fixAvailable: false },
    ]);
  });

  it('calls a registry that refuses the audit request unreachable, not clean', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(auditVerdict(refused)).toEqual({ kind: 'unreachable', reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
  });

  it('calls output that is not JSON unreachable', () => {
    expect(auditVerdict('').kind).toBe('unreachable');
    expect(auditVerdict('npm error network ETIMEDOUT')).toEqual({ kind: 'unreachable', reason: 'npm audit printed no JSON: npm error network ETIMEDOUT' });
  });
});
