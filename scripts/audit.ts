/**
 * `npm run audit:prod`: the production dependencies against npm's advisory database, failing on high and
 * critical advisories (issue 16). When the registry does not answer the audit request (a mirror or proxy
 * that serves packages but not advisories), it says so plainly and exits 0, or 1 with AUDIT_REQUIRED=1:
 * an unchecked tree is never reported as a clean one.
 */
import { spawnSync } from 'node:child_process';
import { auditVerdict } from './lib/audit-verdict.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
const verdict = auditVerdict(run.stdout ?? '');

if (verdict.kind === 'unreachable') {
  console.log(`npm audit: the advisory database could not be asked, so the dependencies were NOT checked.\n  ${verdict.reason}`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
const { counts, failing } = verdict;
console.log(`npm audit (production dependencies): ${Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', ')}`);
for (const f of failing) {
  console.log(`  ${f.severity.padEnd(8)} ${f.name}: ${f.via.join('; ')}${f.fixAvailable ? ' (a fix is available: npm audit fix)' : ''}`);
}
process.exit(failing.length > 0 ? 1 : 0);
