/**
 * Registration risk, 0–100: a pure function of the sign-up's email domain and how many sign-ups came from
 * the same address and subnet just before it. server/commands/screening/registration.ts counts those,
 * records the sign-up and applies the outcome.
 */
import type { ScreeningConfig } from '../config.ts';

/**
 * The weights, summed and capped at 100. Documented in docs/screening.md.
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

export type SignupOutcome = 'clear' | 'limited' | 'held';

export interface SignupAssessment {
  risk: number;
  reasons: string[];
  outcome: SignupOutcome;
  subnet: string | null;
}

/** What a sign-up is scored by. Counts include the sign-up itself; null where the address is not counted. */
export interface SignupFacts {
  /** The disposable-mail domain of the address, if it is one. */
  disposable: string | null;
  ip: string | null;
  subnet: string | null;
  sameIp: number | null;
  sameSubnet: number | null;
  /** The operator is recorded but never restricted. */
  role: 'member' | 'admin';
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m % 60 === 0 ? (m === 60 ? 'an hour' : `${m / 60} hours`) : `${m} minutes`;
}

export function assessSignupRisk(f: SignupFacts, config: ScreeningConfig): SignupAssessment {
  const reasons: string[] = [];
  let risk = 0;
  if (f.disposable) {
    risk += SIGNUP_WEIGHTS.disposableEmail;
    reasons.push(`The email address is at a disposable-mail domain (${f.disposable}).`);
  }
  if (f.sameIp !== null && f.sameIp >= config.ipBurst) {
    const extra = (f.sameIp - config.ipBurst) * SIGNUP_WEIGHTS.ipBurstStep;
    risk += Math.min(SIGNUP_WEIGHTS.ipBurstMax, SIGNUP_WEIGHTS.ipBurst + extra);
    reasons.push(`${f.sameIp} sign-ups from the same IP address (${f.ip}) within ${minutes(config.ipWindowMs)}.`);
  }
  if (f.sameSubnet !== null && f.sameSubnet >= config.subnetBurst) {
    const extra = (f.sameSubnet - config.subnetBurst) * SIGNUP_WEIGHTS.subnetBurstStep;
    risk += Math.min(SIGNUP_WEIGHTS.subnetBurstMax, SIGNUP_WEIGHTS.subnetBurst + extra);
    reasons.push(`${f.sameSubnet} sign-ups from the same network (${f.subnet}) within ${minutes(config.subnetWindowMs)}.`);
  }
  risk = Math.min(100, risk);
  const outcome: SignupOutcome = f.role === 'admin' ? 'clear' : risk >= config.highRisk ? 'held' : risk >= config.mediumRisk ? 'limited' : 'clear';
  return { risk, reasons, outcome, subnet: f.subnet };
}
