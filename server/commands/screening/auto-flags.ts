/** Raises the automatic flags (server/screening/auto-flags.ts) unless an operator recently dismissed the same finding. */
import type { Tx } from '../../db/connection.ts';
import { recentlyDismissed } from '../../queries/screening/flags.ts';
import { type AutoFlag, massTemplateFlag, poorReputationFlag } from '../../screening/auto-flags.ts';
import { type PitchRecord, pitchFlag } from '../../screening/pitch.ts';
import type { SenderFacts } from '../../screening/sender-facts.ts';
import { raiseMemberFlag } from '../moderation/flags.ts';

async function raise(tx: Tx, senderId: number, flag: AutoFlag | null): Promise<void> {
  if (!flag || (await recentlyDismissed(tx, flag.kind, senderId))) return;
  await raiseMemberFlag(tx, flag.kind, senderId, flag.score, flag.reasons);
}

export const flagMassTemplate = (tx: Tx, senderId: number, similarNotes: number) => raise(tx, senderId, massTemplateFlag(similarNotes));

export const flagPoorReputation = (tx: Tx, senderId: number, history: SenderFacts['history']) => raise(tx, senderId, poorReputationFlag(history));

export const flagPitching = (tx: Tx, senderId: number, record: PitchRecord) => raise(tx, senderId, pitchFlag(record));
