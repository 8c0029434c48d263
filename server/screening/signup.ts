import type { ScreeningConfig } from '../config.ts';
import type { Tx } from '../db/connection.ts';
import { detectClusterAround } from './clusters.ts';
import { assessSignup, type SignupAssessment } from './registration.ts';

/**
 * Everything the platform checks when an account is created, inside the sign-up transaction: the
 * sign-up's own risk, then whether it completes a cluster of look-alike accounts from its subnet.
 */
export async function screenSignup(
  tx: Tx,
  input: { memberId: number; email: string; ip: string | null; config: ScreeningConfig; at?: Date },
): Promise<SignupAssessment & { clusterFlagId: number | null }> {
  const assessment = await assessSignup(tx, input);
  const cluster = assessment.subnet ? await detectClusterAround(tx, input.memberId, input.config) : null;
  return { ...assessment, clusterFlagId: cluster?.flagId ?? null };
}
