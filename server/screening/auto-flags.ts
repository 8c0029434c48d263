/**
 * Patterns that put a sender in the operators' moderation queue on their own: the same pitch pasted into
 * many invitations, and many "I don't know this person" answers (connect-then-pitch is in pitch.ts). A flag restricts nothing by itself; it
 * raises the risk of the sender's next invitations (see risk.ts) and asks an operator to look. Pure:
 * server/commands/screening/auto-flags.ts raises them.
 */
import { type Reason, reason } from '../../common/reasons.ts';
import type { SenderFacts } from './sender-facts.ts';

/** Copies of one note (besides itself) within 30 days that make a mass pitch. */
export const TEMPLATE_FLAG_COPIES = 10;
/** "I don't know this person" answers within 90 days that put a sender in the queue. */
export const DONT_KNOW_FLAG = 5;
/** An operator who dismissed a flag has decided: the same finding does not come back for this many days. */
export const DISMISSAL_DAYS = 30;

export interface AutoFlag {
  kind: 'template' | 'reputation' | 'pitch';
  score: number;
  reasons: Reason[];
}

export function massTemplateFlag(similarNotes: number): AutoFlag | null {
  if (similarNotes < TEMPLATE_FLAG_COPIES) return null;
  return { kind: 'template', score: Math.min(100, 40 + similarNotes), reasons: [reason('flag.mass_template', { people: similarNotes + 1 })] };
}

export function poorReputationFlag(history: SenderFacts['history']): AutoFlag | null {
  if (history.dontKnow < DONT_KNOW_FLAG) return null;
  const rate = history.answered ? Math.round((history.dontKnow / history.answered) * 100) : 0;
  return {
    kind: 'reputation',
    score: Math.min(100, 40 + history.dontKnow * 5),
    reasons: [
      reason('flag.dont_know', { count: history.dontKnow, percent: rate }),
      ...(history.acceptanceRate !== null ? [reason('flag.acceptance', { percent: Math.round(history.acceptanceRate * 100) })] : []),
    ],
  };
}
