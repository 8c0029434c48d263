/**
 * Screening at the moment an invitation is sent: the recipient's "who can invite me", the sender's
 * allowance, trust level and outstanding cap, then the evidence, risk and the folder the recipient's
 * policy (or the platform) puts it in. Runs inside sendInvitation's transaction, under both members' locks,
 * so two sends at once cannot both take the last invitation of an allowance.
 */
import type { Tx } from '../../db/connection.ts';
import { forbidden } from '../../errors.ts';
import { computeAllowance } from '../../queries/screening/allowance.ts';
import { judgeArrival } from '../../queries/screening/arrival.ts';
import type { Judgement } from '../../screening/evidence.ts';
import type { Placement } from '../../screening/policy.ts';
import { allowanceRefusal } from '../../policies/invitation-allowance.ts';
import { hasLink } from '../../screening/risk.ts';
import { flagMassTemplate } from '../screening/auto-flags.ts';
import type { NetworkDeps } from './deps.ts';

export interface Recipient {
  id: number;
  handle: string;
  role: 'member' | 'admin';
  email: string;
  name: string;
}

export interface Screened extends Placement {
  judgement: Judgement;
  signature: number[] | null;
}

export async function screenInvitation(
  tx: Tx,
  deps: NetworkDeps,
  senderId: number,
  recipient: Recipient,
  input: { note: string; email?: string | undefined },
): Promise<Screened> {
  const allowance = await computeAllowance(tx, senderId, deps.limits);
  const refusal = allowanceRefusal(allowance, { hasLink: hasLink(input.note) });
  if (refusal) throw refusal;

  const { policy, judgement, signature, folder, placement } = await judgeArrival(tx, deps.graph.index, senderId, recipient, input.note);

  if (policy.whoCanInvite === 'email' && input.email?.toLowerCase() !== recipient.email.toLowerCase()) {
    throw forbidden('invitation_needs_email');
  }
  if (policy.whoCanInvite === 'second_degree' && (judgement.facts.degree === null || judgement.facts.degree > 2)) {
    throw forbidden('invitation_not_allowed');
  }
  await flagMassTemplate(tx, senderId, judgement.evidence.note.similarNotes);
  return { folder, placement, judgement, signature };
}
