/**
 * An invitation arriving: the recipient's policy, the evidence and risk, the note's MinHash signature,
 * and the folder the platform or the policy puts it in. Shared by the moment of sending
 * (screen-invitation.ts, after the sender's allowance) and by loaders that write invitations directly
 * (the demo), so every stored invitation was placed by the same rules and says which.
 */
import type { ScreeningPolicy } from '../../../common/schemas/screening.ts';
import type { Actor } from '../../auth/actor.ts';
import type { DbOrTx } from '../../db/connection.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import type { Judgement } from '../../screening/evidence.ts';
import { noteSignature } from '../../screening/minhash.ts';
import { type Placement, placeInvitation } from '../../screening/policy.ts';
import { loadAvoidSet } from '../network/avoid.ts';
import { judgeInvitations } from './evidence.ts';
import { loadPolicy } from './policy.ts';

export interface ArrivingRecipient {
  id: number;
  handle: string;
  role: 'member' | 'admin';
  name: string;
}

export interface Arrival extends Placement {
  policy: ScreeningPolicy;
  judgement: Judgement;
  /** The note's MinHash signature, stored so the sender's later notes can be compared with it. */
  signature: number[] | null;
}

/** Judges an invitation from `senderId` as it arrives and places it. Reads only; the caller stores it. */
export async function judgeArrival(db: DbOrTx, graph: GraphIndex, senderId: number, recipient: ArrivingRecipient, note: string): Promise<Arrival> {
  const policy = await loadPolicy(db, recipient.id);
  const actor: Actor = { id: recipient.id, handle: recipient.handle, role: recipient.role, status: 'active', via: 'session', sessionHash: null, csrfToken: null };
  const avoid = await loadAvoidSet(db, recipient.id);
  const signature = noteSignature(note, [recipient.name]);
  const [judgement] = await judgeInvitations({ db, graph, actor, avoid }, [{ invitationId: null, senderId, note, noteSignature: signature }]);
  return { ...placeInvitation(policy, judgement!.facts), policy, judgement: judgement!, signature };
}
