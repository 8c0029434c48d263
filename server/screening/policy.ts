/**
 * Where an arriving invitation goes: the platform's judgement first, then the recipient's own policy.
 * Pure, so every placement can be explained in words and tested without a database.
 */
import type { RuleCondition, ScreeningPolicy, ScreeningRule } from '../../common/schemas/screening.ts';
import type { InvitationView } from '../../common/schemas/network.ts';

type InvitationFolder = NonNullable<InvitationView['screening']>['folder'];

/** At or above this risk the platform puts an invitation in "Other", whatever the policy says. */
export const PLATFORM_OTHER_RISK = 50;
/** At or above this risk the platform holds it: the recipient does not see it unless an operator clears the sender. */
export const PLATFORM_HOLD_RISK = 75;

export const DEFAULT_POLICY: ScreeningPolicy = { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' };

/** The facts a rule may test. */
export interface RuleFacts {
  hasNote: boolean;
  mutualCount: number;
  sharedOrgOrSchool: boolean;
  profileStrength: number;
  degree: number | null;
  risk: number;
  /** The sender is held, limited, restricted or has an open moderation flag. */
  flagged: boolean;
}

export interface Placement {
  folder: InvitationFolder;
  /** In words, for the recipient: which rule or judgement put it there. */
  placement: string;
}

const FOLDER_WORD = { accept: 'accepted automatically', inbox: 'Inbox', other: 'Other' } as const;

export function describeCondition(c: RuleCondition): string {
  const parts: string[] = [];
  if (c.hasNote) parts.push('a note');
  if (c.minMutuals !== undefined) parts.push(`at least ${c.minMutuals} mutual connection${c.minMutuals === 1 ? '' : 's'}`);
  if (c.sharedOrgOrSchool) parts.push('a shared organisation or school');
  if (c.minProfileStrength !== undefined) parts.push(`profile strength at least ${c.minProfileStrength}`);
  if (c.maxDegree !== undefined) parts.push(c.maxDegree === 1 ? '1st degree' : `${c.maxDegree === 2 ? '2nd' : '3rd'} degree or closer`);
  if (c.maxRisk !== undefined) parts.push(`risk at most ${c.maxRisk}`);
  return parts.join(' and ');
}

export const describeRule = (r: ScreeningRule, i: number) => `Rule ${i + 1}: ${describeCondition(r.when)} → ${FOLDER_WORD[r.then]}`;

export function ruleMatches(c: RuleCondition, f: RuleFacts): boolean {
  if (c.hasNote && !f.hasNote) return false;
  if (c.minMutuals !== undefined && f.mutualCount < c.minMutuals) return false;
  if (c.sharedOrgOrSchool && !f.sharedOrgOrSchool) return false;
  if (c.minProfileStrength !== undefined && f.profileStrength < c.minProfileStrength) return false;
  if (c.maxDegree !== undefined && (f.degree === null || f.degree > c.maxDegree)) return false;
  if (c.maxRisk !== undefined && f.risk > c.maxRisk) return false;
  return true;
}

export function placeInvitation(policy: ScreeningPolicy, f: RuleFacts): Placement {
  if (f.risk >= PLATFORM_HOLD_RISK) return { folder: 'held', placement: `Held by the platform: risk ${f.risk} of 100` };
  if (f.risk >= PLATFORM_OTHER_RISK || f.flagged) {
    return { folder: 'other', placement: f.flagged ? 'Put in Other by the platform: the sender is flagged' : `Put in Other by the platform: risk ${f.risk} of 100` };
  }
  switch (policy.mode) {
    case 'open':
      return { folder: 'auto', placement: 'Open policy: accepted automatically' };
    case 'manual':
      return { folder: 'inbox', placement: 'Manual policy: everything waits in the inbox' };
    case 'selective': {
      const i = policy.rules.findIndex((r) => ruleMatches(r.when, f));
      if (i < 0) return { folder: policy.otherwise, placement: `No rule matched → ${FOLDER_WORD[policy.otherwise]}` };
      const rule = policy.rules[i]!;
      return { folder: rule.then === 'accept' ? 'auto' : rule.then, placement: describeRule(rule, i) };
    }
  }
}
