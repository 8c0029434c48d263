/**
 * Where an arriving invitation goes: the platform's judgement first, then the recipient's own policy.
 * Pure, so every placement can be explained in words and tested without a database.
 */
import { RULE_CONDITIONS, type Reason, reason } from '../../common/reasons.ts';
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
  /** For the recipient, as a reason: which rule or judgement put it there. */
  placement: Reason;
}

/** A rule as a reason: "Rule 2: a note and at least 2 mutual connections → Inbox" (`i` counts from 0). */
export function describeRule(r: ScreeningRule, i: number): Reason {
  const c = r.when;
  const tested: Record<(typeof RULE_CONDITIONS)[number], boolean> = {
    note: !!c.hasNote,
    mutuals: c.minMutuals !== undefined,
    shared: !!c.sharedOrgOrSchool,
    strength: c.minProfileStrength !== undefined,
    degree: c.maxDegree !== undefined,
    risk: c.maxRisk !== undefined,
  };
  return reason('placement.rule', {
    rule: i + 1,
    folder: r.then,
    conditions: RULE_CONDITIONS.filter((k) => tested[k]),
    ...(c.minMutuals !== undefined ? { mutuals: c.minMutuals } : {}),
    ...(c.minProfileStrength !== undefined ? { strength: c.minProfileStrength } : {}),
    ...(c.maxDegree !== undefined ? { degree: c.maxDegree } : {}),
    ...(c.maxRisk !== undefined ? { risk: c.maxRisk } : {}),
  });
}

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
  if (f.risk >= PLATFORM_HOLD_RISK) return { folder: 'held', placement: reason('placement.held', { risk: f.risk }) };
  if (f.risk >= PLATFORM_OTHER_RISK || f.flagged) {
    return { folder: 'other', placement: f.flagged ? reason('placement.other_flagged') : reason('placement.other_risk', { risk: f.risk }) };
  }
  switch (policy.mode) {
    case 'open':
      return { folder: 'auto', placement: reason('placement.open') };
    case 'manual':
      return { folder: 'inbox', placement: reason('placement.manual') };
    case 'selective': {
      const i = policy.rules.findIndex((r) => ruleMatches(r.when, f));
      if (i < 0) return { folder: policy.otherwise, placement: reason('placement.no_rule', { folder: policy.otherwise }) };
      const rule = policy.rules[i]!;
      return { folder: rule.then === 'accept' ? 'auto' : rule.then, placement: describeRule(rule, i) };
    }
  }
}
