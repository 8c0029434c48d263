import { hashPassword } from '../../server/auth/password.ts';
import type { Database } from '../../server/db/connection.ts';
import { formatIssue } from '../../server/importers/issues.ts';
import { type ImportOptions, type ImportPerson, type ImportResult, importPeople, parsePatch } from '../../server/importers/people.ts';
import type { DemoCommunity } from './generate.ts';

/** Every demo member signs in with this password, so the operator can try the app as any of them. */
export const DEMO_PASSWORD = 'rapport demo password';

/** Validates the generated profiles with the API's own schema; a failure here is a generator bug. */
export function demoPeople(community: DemoCommunity): ImportPerson[] {
  return community.people.map((p) => {
    const at = { file: 'demo', line: p.index + 1 };
    const { patch, issues } = parsePatch(p.profile, at);
    if (!patch) throw new Error(`generated an invalid profile for ${p.email}:\n${issues.map(formatIssue).join('\n')}`);
    return { source: `demo:${p.index + 1}`, email: p.email, name: p.name, createdAt: p.createdAt, patch };
  });
}

/**
 * Writes a generated community through createMember + updateProfile (via importPeople): one transaction,
 * matched by email, so running again with the same seed skips everyone who is already there.
 */
export async function loadDemo(
  database: Database,
  community: DemoCommunity,
  options: Pick<ImportOptions, 'publicUrl' | 'scryptLogN' | 'onProgress'>,
): Promise<ImportResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, options.scryptLogN);
  return importPeople(database, demoPeople(community), {
    ...options,
    passwordHash,
    organisations: community.organisations.map((o) => ({ name: o.name, kind: 'company', externalRef: `demo:org:${o.index}` })),
  });
}
