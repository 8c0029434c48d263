/**
 * What the expectation table predicts for one request, and what an answer must never hold: a pure function
 * of the entry, the role, the target and the status and body that came back. Returns the problems found
 * (empty when the answer is as predicted).
 */
import type { Entry, RelationshipKey } from './expectations.ts';
import type { Canary, Role, Target, Thing } from './world.ts';

export interface Answer {
  route: string;
  role: Role;
  target: Target | null;
  status: number;
  body: string;
  /** Sent after the world-changing writes of an earlier tier: relationships may no longer be as built. */
  late: boolean;
}

/** The roles that call as an active member (the suspended one's session ended with the suspension). */
const ACTIVE: readonly Role[] = ['member', 'restricted', 'operator'];

function relationshipStatus(entry: Entry, target: Target | null): number | undefined {
  if (!target || !entry.relationships) return undefined;
  const exact = `${target.relationship}:${target.privacy}` as RelationshipKey;
  return entry.relationships[exact] ?? entry.relationships[target.relationship];
}

/** The problems with one answer, each a line naming the request. */
export function verdict(entry: Entry, a: Answer, world: { canaries: readonly Canary[]; owners: Partial<Record<Thing, Role>> }): string[] {
  const problems: string[] = [];
  const where = `${a.route} as ${a.role}${a.target ? ` → ${a.target.relationship}/${a.target.privacy}` : ''}`;
  const fail = (why: string) => problems.push(`${where}: ${why} (got ${a.status} ${a.body.slice(0, 140)})`);

  if (a.status >= 500) fail('a 5xx');
  for (const c of world.canaries) {
    const allowed = c.seenBy.includes(a.role) || (c.operatorRoutes && a.role === 'operator' && entry.access === 'operator');
    if (!allowed && a.body.includes(c.text)) fail(`leaks ${c.why}`);
  }

  const active = ACTIVE.includes(a.role);
  switch (entry.access) {
    case 'public':
      // Checked across roles by the runner: the answer does not depend on who asks.
      break;
    case 'metrics-token':
      if (a.status === 200) fail('metrics without the metrics token');
      break;
    case 'operator':
      if (!active && a.status !== 401) fail('expected 401');
      if ((a.role === 'member' || a.role === 'restricted') && a.status !== 403) fail('expected 403 (operators only)');
      if (a.role === 'operator' && (a.status === 401 || (a.status === 403 && a.target?.relationship !== 'self'))) fail('an operator refused');
      break;
    default: {
      if (!active) {
        if (a.status !== 401) fail('expected 401');
        break;
      }
      if (a.status === 401) fail('an active member refused as signed out');
      // A restriction is checked once the member named is found (and is not the caller).
      if (a.role === 'restricted' && entry.restricted === 'forbidden' && !['self', 'unknown'].includes(a.target?.relationship ?? '')) {
        if (a.status !== 403) fail('expected 403 (restricted)');
        break;
      }
      if (entry.access === 'owner-of-id') {
        // Nobody in the matrix owns or takes part in the victim's things, operators included.
        if (entry.thing && world.owners[entry.thing] === a.role) break;
        const refusals = entry.refusals ?? [404];
        if (entry.readable && [401, 403, 404].includes(a.status)) fail('a thing others may read was refused');
        if (!entry.readable && !refusals.includes(a.status)) fail(`another member's id should be ${refusals.join(' or ')}`);
        break;
      }
      if (entry.access === 'about-member' && a.role === 'member' && !a.late) {
        const expected = relationshipStatus(entry, a.target);
        if (expected !== undefined && a.status !== expected) fail(`expected ${expected}`);
        const hidden = ['blocking-me', 'unknown'].includes(a.target?.relationship ?? '');
        if (expected === undefined && a.status === 404 && !hidden) fail('a visible member answered 404');
        break;
      }
      if ((entry.access === 'signed-in' || entry.access === 'self-only') && a.status === 403) fail('a member refused');
    }
  }
  return problems;
}
