/**
 * Registration risk, 0–100: a pure function of the sign-up's email domain and how many sign-ups came from
 * the same address and subnet just before it. server/commands/screening/registration.ts counts those,
 * records the sign-up and applies the outcome.
 */
import { type Reason, reason } from '../../common/reasons.ts';
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
  reasons: Reason[];
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

const minutes = (ms: number) => Math.round(ms / 60_000);

export function assessSignupRisk(f: SignupFacts, config: ScreeningConfig): SignupAssessment {
  const reasons: Reason[] = [];
  let risk = 0;
  if (f.disposable) {
    risk += SIGNUP_WEIGHTS.disposableEmail;
    reasons.push(reason('signup.disposable_email', { domain: f.disposable }));
  }
  if (f.sameIp !== null && f.sameIp >= config.ipBurst) {
    const extra = (f.sameIp - config.ipBurst) * SIGNUP_WEIGHTS.ipBurstStep;
    risk += Math.min(SIGNUP_WEIGHTS.ipBurstMax, SIGNUP_WEIGHTS.ipBurst + extra);
    reasons.push(reason('signup.same_ip', { count: f.sameIp, ip: f.ip ?? '', minutes: minutes(config.ipWindowMs) }));
  }
  if (f.sameSubnet !== null && f.sameSubnet >= config.subnetBurst) {
    const extra = (f.sameSubnet - config.subnetBurst) * SIGNUP_WEIGHTS.subnetBurstStep;
    risk += Math.min(SIGNUP_WEIGHTS.subnetBurstMax, SIGNUP_WEIGHTS.subnetBurst + extra);
    reasons.push(reason('signup.same_subnet', { count: f.sameSubnet, subnet: f.subnet ?? '', minutes: minutes(config.subnetWindowMs) }));
  }
  risk = Math.min(100, risk);
  const outcome: SignupOutcome = f.role === 'admin' ? 'clear' : risk >= config.highRisk ? 'held' : risk >= config.mediumRisk ? 'limited' : 'clear';
  return { risk, reasons, outcome, subnet: f.subnet };
}
