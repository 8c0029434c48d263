/**
 * Screening a sign-up inside its transaction: its registration risk (server/screening/registration.ts)
 * recorded in signup_events, the account held or limited, the operators' flag, then whether it completes
 * a cluster of look-alike accounts from its subnet.
 */
import { reason as notice, toStored } from '../../../common/reasons.ts';
import { sql } from 'drizzle-orm';
import type { ScreeningConfig } from '../../config.ts';
import type { Tx } from '../../db/connection.ts';
import { signupEvents } from '../../db/schema.ts';
import { countSignupsBefore, memberRole, sameIp, sameSubnet } from '../../queries/screening/signups.ts';
import { disposableDomain, emailDomain } from '../../screening/disposable-email.ts';
import { signupNetwork } from '../../screening/ip-subnet.ts';
import { assessSignupRisk, type SignupAssessment } from '../../screening/registration.ts';
import { raiseMemberFlag } from '../moderation/flags.ts';
import { sendNotice } from '../moderation/notices.ts';
import { applyRestriction } from '../moderation/restrictions.ts';
import { detectClusterAround } from './clusters.ts';

export interface SignupInput {
  memberId: number;
  email: string;
  ip: string | null;
  config: ScreeningConfig;
  /** When the sign-up happened; the simulation passes simulated time. Defaults to the transaction's now(). */
  at?: Date;
}

/**
 * Scores a sign-up, records it in signup_events, and restricts it: high risk is held for an operator
 * (a 'registration' flag in the queue), medium risk is limited and flagged at a lower score. The
 * instance's operator is recorded but never restricted.
 */
export async function assessSignup(tx: Tx, input: SignupInput): Promise<SignupAssessment> {
  const { config } = input;
  const { ip, subnet } = signupNetwork(input.ip);
  const at = input.at ? sql`${input.at.toISOString()}::timestamptz` : sql`now()`;
  // Counted sign-ups only: loopback and unparseable addresses carry a null subnet (see ip-subnet.ts).
  const counted = subnet !== null && ip !== null;
  const assessment = assessSignupRisk(
    {
      disposable: disposableDomain(input.email),
      ip,
      subnet,
      sameIp: counted ? 1 + (await countSignupsBefore(tx, sameIp(ip), at, config.ipWindowMs)) : null,
      sameSubnet: counted ? 1 + (await countSignupsBefore(tx, sameSubnet(subnet), at, config.subnetWindowMs)) : null,
      role: await memberRole(tx, input.memberId),
    },
    config,
  );
  const { risk, reasons, outcome } = assessment;
  await tx.insert(signupEvents).values({
    memberId: input.memberId,
    ip,
    subnet,
    emailDomain: emailDomain(input.email),
    risk,
    reasons: reasons.map(toStored),
    ...(input.at ? { createdAt: input.at } : {}),
  });
  if (outcome === 'held') {
    await applyRestriction(tx, input.memberId, 'held', `High-risk sign-up: ${reasons.map((r) => r.text).join(' ')}`, null);
    await sendNotice(tx, input.memberId, 'restriction', notice('notice.held'));
  } else if (outcome === 'limited') {
    await applyRestriction(tx, input.memberId, 'limited', `Medium-risk sign-up: ${reasons.map((r) => r.text).join(' ')}`, null);
  }
  if (outcome !== 'clear') await raiseMemberFlag(tx, 'registration', input.memberId, risk, reasons);
  return assessment;
}

/** Everything the platform checks when an account is created: the sign-up's own risk, then clusters. */
export async function screenSignup(tx: Tx, input: SignupInput): Promise<SignupAssessment & { clusterFlagId: number | null }> {
  const assessment = await assessSignup(tx, input);
  const cluster = assessment.subnet ? await detectClusterAround(tx, input.memberId, input.config) : null;
  return { ...assessment, clusterFlagId: cluster?.flagId ?? null };
}
