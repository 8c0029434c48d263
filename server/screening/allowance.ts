/**
 * The weekly invitation allowance and the trust level behind it, computed from history every time, so
 * what a member sees is always what the next send will be judged by. The base follows the trust level
 * (20 a week for new or thin accounts, 100 for established ones); reputation moves it up or down, and
 * every move is a reason in words.
 */
import { sql } from 'drizzle-orm';
import type { AllowanceView } from '../../common/schemas/screening.ts';
import type { NetworkLimits } from '../config.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { loadProfiles } from '../queries/profiles.ts';
import { profileStrength } from '../views/profile.ts';
import { loadSenderFacts, type SenderFacts } from './sender-facts.ts';

const WEEK_MS = 7 * 86_400_000;
/** Below this, a member could not even answer a few people they met: reputation never takes them lower. */
const FLOOR = 5;
const NEW_OUTSTANDING_CAP = 30;

export const TRUST_LABELS = ['New', 'Member', 'Trusted'] as const;

interface Usage {
  connections: number;
  usedThisWeek: number;
  oldestThisWeek: Date | string | null;
  outstanding: number;
  templatesThisWeek: number;
  restrictions: { kind: string; reason: string; since: Date | string; until: Date | string | null }[] | null;
}

async function loadUsage(db: DbOrTx, memberId: number): Promise<Usage> {
  const [u] = await rows<Usage>(
    db,
    sql`SELECT (SELECT count(*)::int FROM connections WHERE member_id = ${memberId}) AS connections,
               w.used AS "usedThisWeek", w.oldest AS "oldestThisWeek", w.templates AS "templatesThisWeek",
               -- Waiting as far as the sender knows: an ignored or "I don't know" answer is silent (one they withdrew has expired).
               (SELECT count(*)::int FROM invitations WHERE sender_id = ${memberId} AND status IN ('pending', 'ignored', 'dont_know') AND expires_at > now()) AS outstanding,
               (SELECT json_agg(json_build_object('kind', kind, 'reason', reason, 'since', created_at, 'until', ends_at) ORDER BY created_at)
                  FROM member_restrictions WHERE member_id = ${memberId} AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > now())) AS restrictions
          FROM (SELECT count(*)::int AS used, min(created_at) AS oldest, count(*) FILTER (WHERE template)::int AS templates
                  FROM invitations WHERE sender_id = ${memberId} AND created_at > now() - interval '7 days') w`,
  );
  return u!;
}

/** Discourse-style trust: New until the account has some age, a real profile and a few connections. */
export function trustLevel(f: { accountAgeDays: number; strength: number; connections: number; history: SenderFacts['history']; reports: number }): 0 | 1 | 2 {
  if (f.accountAgeDays < 3 || f.strength < 35 || f.connections < 3) return 0;
  const trusted =
    f.accountAgeDays >= 90 && f.connections >= 50 && f.reports === 0 && f.history.dontKnow === 0 && f.history.acceptanceRate !== null && f.history.acceptanceRate >= 0.6;
  return trusted ? 2 : 1;
}

export async function computeAllowance(db: DbOrTx, memberId: number, limits: NetworkLimits): Promise<AllowanceView> {
  const [facts, usage, [profile]] = await Promise.all([loadSenderFacts(db, memberId), loadUsage(db, memberId), loadProfiles(db, [memberId])]);
  const strength = profile ? profileStrength(profile).score : 0;
  const level = trustLevel({ accountAgeDays: facts.accountAgeDays, strength, connections: usage.connections, history: facts.history, reports: facts.reports });
  const base = level === 0 ? limits.weeklyInvitationsNew : limits.weeklyInvitationsEstablished;
  const reasons: { text: string; delta: number }[] = [];
  const h = facts.history;
  if (level === 0) {
    const why = facts.accountAgeDays < 3 ? 'your account is less than 3 days old' : strength < 35 ? `your profile is thin (strength ${strength} of 100)` : 'you have fewer than 3 connections';
    reasons.push({ text: `New accounts start with ${base} invitations a week: ${why}`, delta: 0 });
  }
  if (h.acceptanceRate !== null && h.answered >= 10 && h.acceptanceRate >= 0.6) {
    reasons.push({ text: `Most of your invitations are accepted (${Math.round(h.acceptanceRate * 100)}% in the last 90 days)`, delta: Math.round(base * 0.5) });
  }
  if (h.dontKnow > 0) {
    reasons.push({ text: `${h.dontKnow} ${h.dontKnow === 1 ? 'person' : 'people'} answered "I don't know this person" in the last 90 days`, delta: -Math.round(base * 0.1 * h.dontKnow) });
  }
  if (facts.spamReports > 0) {
    reasons.push({ text: `${facts.spamReports} spam or fake-account ${facts.spamReports === 1 ? 'report' : 'reports'} against you`, delta: -Math.round(base * 0.25 * facts.spamReports) });
  }
  if (h.acceptanceRate !== null && h.answered >= 10 && h.ignored / h.answered >= 0.5) {
    reasons.push({ text: `Most of your invitations were ignored (${Math.round((h.ignored / h.answered) * 100)}%)`, delta: -Math.round(base * 0.25) });
  }
  if (usage.templatesThisWeek >= 5) {
    reasons.push({ text: `${usage.templatesThisWeek} of your notes this week are nearly the same text`, delta: -Math.round(base * 0.25) });
  }
  let weekly = Math.max(FLOOR, base + reasons.reduce((s, r) => s + r.delta, 0));
  const restrictions = (usage.restrictions ?? []).map((r) => ({
    kind: r.kind,
    reason: r.reason,
    since: new Date(r.since).toISOString(),
    until: r.until ? new Date(r.until).toISOString() : null,
  }));
  const restrictionCap = (kind: string, cap: number, text: string) => {
    if (!restrictions.some((r) => r.kind === kind) || weekly <= cap) return;
    reasons.push({ text, delta: cap - weekly });
    weekly = cap;
  };
  restrictionCap('limited', FLOOR, 'Your sign-up looked risky, so your account is limited until it has some history');
  restrictionCap('held', 0, 'Your account is waiting for review by the operators');
  restrictionCap('invitations', 0, 'An operator restricted your invitations');
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
