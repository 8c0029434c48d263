/**
 * The weekly invitation allowance and the trust level behind it, computed from history every time, so
 * what a member sees is always what the next send will be judged by. The base follows the trust level
 * (20 a week for new or thin accounts, 100 for established ones); reputation moves it up or down, and
 * every move is a reason (a code with parameters and its English text). A pure function of the facts
 * server/queries/screening/allowance.ts loads.
 */
import { reason } from '../../common/reasons.ts';
import type { AllowanceView } from '../../common/schemas/screening.ts';
import type { NetworkLimits } from '../config.ts';
import { pitchAllowance } from './pitch.ts';
import type { SenderFacts } from './sender-facts.ts';

const WEEK_MS = 7 * 86_400_000;
/** Below this, a member could not even answer a few people they met: reputation never takes them lower. */
const FLOOR = 5;
const NEW_OUTSTANDING_CAP = 30;

export const TRUST_LABELS = ['New', 'Member', 'Trusted'] as const;

/** The member's use of invitations and the restrictions in force, as loaded. */
export interface AllowanceUsage {
  connections: number;
  usedThisWeek: number;
  oldestThisWeek: Date | string | null;
  outstanding: number;
  templatesThisWeek: number;
  restrictions: { kind: string; reason: string; since: Date | string; until: Date | string | null }[] | null;
}

export interface AllowanceFacts {
  sender: SenderFacts;
  usage: AllowanceUsage;
  /** The member's profile strength (0 when they have no profile). */
  strength: number;
}

/** Discourse-style trust: New until the account has some age, a real profile and a few connections. */
export function trustLevel(f: { accountAgeDays: number; strength: number; connections: number; history: SenderFacts['history']; reports: number }): 0 | 1 | 2 {
  if (f.accountAgeDays < 3 || f.strength < 35 || f.connections < 3) return 0;
  const trusted =
    f.accountAgeDays >= 90 && f.connections >= 50 && f.reports === 0 && f.history.dontKnow === 0 && f.history.acceptanceRate !== null && f.history.acceptanceRate >= 0.6;
  return trusted ? 2 : 1;
}

type AllowanceReason = AllowanceView['reasons'][number];

export function allowanceFrom({ sender: facts, usage, strength }: AllowanceFacts, limits: NetworkLimits): AllowanceView {
  const level = trustLevel({ accountAgeDays: facts.accountAgeDays, strength, connections: usage.connections, history: facts.history, reports: facts.reports });
  const base = level === 0 ? limits.weeklyInvitationsNew : limits.weeklyInvitationsEstablished;
  const reasons: AllowanceReason[] = [];
  const h = facts.history;
  if (level === 0) {
    const why =
      facts.accountAgeDays < 3
        ? reason('allowance.new_account', { base })
        : strength < 35
          ? reason('allowance.new_thin_profile', { base, strength })
          : reason('allowance.new_few_connections', { base });
    reasons.push({ ...why, delta: 0 });
  }
  if (h.acceptanceRate !== null && h.answered >= 10 && h.acceptanceRate >= 0.6) {
    reasons.push({ ...reason('allowance.accepted', { percent: Math.round(h.acceptanceRate * 100) }), delta: Math.round(base * 0.5) });
  }
  if (h.dontKnow > 0) {
    reasons.push({ ...reason('allowance.dont_know', { count: h.dontKnow }), delta: -Math.round(base * 0.1 * h.dontKnow) });
  }
  if (facts.spamReports > 0) {
    reasons.push({ ...reason('allowance.spam_reports', { count: facts.spamReports }), delta: -Math.round(base * 0.25 * facts.spamReports) });
  }
  if (h.acceptanceRate !== null && h.answered >= 10 && h.ignored / h.answered >= 0.5) {
    reasons.push({ ...reason('allowance.ignored', { percent: Math.round((h.ignored / h.answered) * 100) }), delta: -Math.round(base * 0.25) });
  }
  const pitched = pitchAllowance(facts.pitch);
  if (pitched) reasons.push({ ...pitched.reason, delta: Math.round(base * pitched.share) });
  if (usage.templatesThisWeek >= 5) {
    reasons.push({ ...reason('allowance.templates', { count: usage.templatesThisWeek }), delta: -Math.round(base * 0.25) });
  }
  let weekly = Math.max(FLOOR, base + reasons.reduce((s, r) => s + r.delta, 0));
  const restrictions = (usage.restrictions ?? []).map((r) => ({
    kind: r.kind,
    reason: r.reason,
    since: new Date(r.since).toISOString(),
    until: r.until ? new Date(r.until).toISOString() : null,
  }));
  const restrictionCap = (kind: string, cap: number, why: ReturnType<typeof reason>) => {
    if (!restrictions.some((r) => r.kind === kind) || weekly <= cap) return;
    reasons.push({ ...why, delta: cap - weekly });
    weekly = cap;
  };
  restrictionCap('limited', FLOOR, reason('allowance.limited'));
  restrictionCap('held', 0, reason('allowance.held'));
  restrictionCap('invitations', 0, reason('allowance.invitations_restricted'));
  const remaining = Math.max(0, weekly - usage.usedThisWeek);
  const nextFreeAt = remaining === 0 && usage.oldestThisWeek ? new Date(new Date(usage.oldestThisWeek).getTime() + WEEK_MS).toISOString() : null;
  return {
    trustLevel: level,
    trustLabel: TRUST_LABELS[level],
    base,
    weekly,
    usedThisWeek: usage.usedThisWeek,
    remaining,
    outstanding: usage.outstanding,
    outstandingCap: level === 0 ? Math.min(NEW_OUTSTANDING_CAP, limits.maxPendingSent) : limits.maxPendingSent,
    nextFreeAt,
    linksAllowed: level > 0 && !restrictions.some((r) => r.kind === 'limited'),
    reasons,
    restrictions,
  };
}
