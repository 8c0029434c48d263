import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { ScreeningConfig } from '../config.ts';
import { raiseMemberFlag } from '../commands/moderation/flags.ts';
import { sendNotice } from '../commands/moderation/notices.ts';
import { applyRestriction } from '../commands/moderation/restrictions.ts';
import type { Tx } from '../db/connection.ts';
import { members, signupEvents } from '../db/schema.ts';
import { disposableDomain, emailDomain } from './disposable-email.ts';
import { signupNetwork } from './ip-subnet.ts';

/**
 * Registration risk, 0–100, as the sum of these weights (capped at 100). Documented in docs/screening.md.
 * One signal alone makes a sign-up medium risk (limited); two together make it high risk (held).
 */
export const SIGNUP_WEIGHTS = {
  disposableEmail: 40,
  /** At the IP threshold, plus 10 for each further sign-up, up to 60. */
  ipBurst: 40,
  ipBurstStep: 10,
  ipBurstMax: 60,
  /** At the subnet threshold, plus 5 for each further sign-up, up to 45. */
  subnetBurst: 30,
  subnetBurstStep: 5,
  subnetBurstMax: 45,
} as const;

export interface SignupAssessment {
  risk: number;
  reasons: string[];
  outcome: 'clear' | 'limited' | 'held';
  subnet: string | null;
}

export interface SignupInput {
  memberId: number;
  email: string;
  ip: string | null;
  config: ScreeningConfig;
  /** When the sign-up happened; the simulation passes simulated time. Defaults to the transaction's now(). */
  at?: Date;
}

/**
 * Scores a sign-up from its email domain and how many sign-ups came from the same address and subnet
 * just before it, records it in signup_events, and restricts it: high risk is held for an operator
 * (a 'registration' flag in the queue), medium risk is limited and flagged at a lower score. The
 * instance's operator is recorded but never restricted. Runs inside the sign-up transaction.
 */
export async function assessSignup(tx: Tx, input: SignupInput): Promise<SignupAssessment> {
  const { config } = input;
  const { ip, subnet } = signupNetwork(input.ip);
  const at = input.at ? sql`${input.at.toISOString()}::timestamptz` : sql`now()`;
  const reasons: string[] = [];
  let risk = 0;

  const disposable = disposableDomain(input.email);
  if (disposable) {
    risk += SIGNUP_WEIGHTS.disposableEmail;
    reasons.push(`The email address is at a disposable-mail domain (${disposable}).`);
  }
  // Counted sign-ups only: loopback and unparseable addresses carry a null subnet (see ip-subnet.ts).
  if (subnet && ip) {
    const sameIp = 1 + (await countSince(tx, eq(signupEvents.ip, ip), at, config.ipWindowMs));
    if (sameIp >= config.ipBurst) {
      const extra = (sameIp - config.ipBurst) * SIGNUP_WEIGHTS.ipBurstStep;
      risk += Math.min(SIGNUP_WEIGHTS.ipBurstMax, SIGNUP_WEIGHTS.ipBurst + extra);
      reasons.push(`${sameIp} sign-ups from the same IP address (${ip}) within ${minutes(config.ipWindowMs)}.`);
    }
    const sameSubnet = 1 + (await countSince(tx, eq(signupEvents.subnet, subnet), at, config.subnetWindowMs));
    if (sameSubnet >= config.subnetBurst) {
      const extra = (sameSubnet - config.subnetBurst) * SIGNUP_WEIGHTS.subnetBurstStep;
      risk += Math.min(SIGNUP_WEIGHTS.subnetBurstMax, SIGNUP_WEIGHTS.subnetBurst + extra);
      reasons.push(`${sameSubnet} sign-ups from the same network (${subnet}) within ${minutes(config.subnetWindowMs)}.`);
    }
  }
  risk = Math.min(100, risk);

  await tx.insert(signupEvents).values({
    memberId: input.memberId,
    ip,
    subnet,
    emailDomain: emailDomain(input.email),
    risk,
    reasons,
    ...(input.at ? { createdAt: input.at } : {}),
  });

  const [member] = await tx.select({ role: members.role }).from(members).where(eq(members.id, input.memberId));
  const outcome: SignupAssessment['outcome'] =
    member?.role === 'admin' ? 'clear' : risk >= config.highRisk ? 'held' : risk >= config.mediumRisk ? 'limited' : 'clear';
  if (outcome === 'held') {
    await applyRestriction(tx, input.memberId, 'held', `High-risk sign-up: ${reasons.join(' ')}`, null);
    await sendNotice(tx, input.memberId, 'restriction', HELD_NOTICE);
  } else if (outcome === 'limited') {
    await applyRestriction(tx, input.memberId, 'limited', `Medium-risk sign-up: ${reasons.join(' ')}`, null);
  }
  if (outcome !== 'clear') await raiseMemberFlag(tx, 'registration', input.memberId, risk, reasons);
  return { risk, reasons, outcome, subnet };
}

/** What a held member reads: what is restricted and why, without the details an abuser could tune against. */
export const HELD_NOTICE =
  'Your new account is waiting for a review by the operators of this community, because of how it was registered. ' +
  'Until then, you cannot send invitations.';

async function countSince(tx: Tx, match: ReturnType<typeof eq>, at: ReturnType<typeof sql>, windowMs: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(signupEvents)
    .where(
      and(
        match,
        isNotNull(signupEvents.subnet),
        gte(signupEvents.createdAt, sql`${at} - ${windowMs} * interval '1 millisecond'`),
        lte(signupEvents.createdAt, at),
      ),
    );
  return row?.n ?? 0;
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m % 60 === 0 ? (m === 60 ? 'an hour' : `${m / 60} hours`) : `${m} minutes`;
}
