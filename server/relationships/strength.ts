/**
 * How strong a relationship is, from recency and frequency of its interactions over the last year, weighted
 * by kind (a meeting says more than a reaction): a pure function of counts, with its reasons as codes the
 * web words in the reader's language.
 */
import { INTERACTION_WEIGHTS, type InteractionKind, type StrengthLevel } from '../../common/relationships.ts';
import type { StrengthView } from '../../common/schemas/relationships.ts';

export interface StrengthFacts {
  /** Interactions of each kind in the last 365 days, from the member's side. */
  counts: Partial<Record<InteractionKind, number>>;
  /** Days since the last interaction ever; null when there was none. */
  daysSinceLast: number | null;
}

/** Frequency saturates (the twentieth message adds less than the second) and recency halves every 90 days. */
export function strengthOf({ counts, daysSinceLast }: StrengthFacts): StrengthView {
  const reasons: StrengthView['reasons'] = [];
  if (daysSinceLast === null) return { level: 'none', score: 0, reasons: [{ code: 'no_interaction', params: {} }] };
  let weighted = 0;
  let total = 0;
  for (const [kind, n] of Object.entries(counts) as [InteractionKind, number][]) {
    weighted += INTERACTION_WEIGHTS[kind] * n;
    total += n;
  }
  const frequency = 1 - Math.exp(-weighted / 15);
  const recency = Math.pow(0.5, daysSinceLast / 90);
  const score = Math.round(100 * (0.6 * frequency + 0.4 * recency) * (total > 0 ? 1 : 0.5));
  const level: StrengthLevel = score >= 60 ? 'strong' : score >= 30 ? 'moderate' : score > 0 ? 'weak' : 'none';
  reasons.push({ code: 'last_interaction_days', params: { days: daysSinceLast } });
  const inPerson = (counts.meeting ?? 0) + (counts.call ?? 0);
  if (inPerson > 0) reasons.push({ code: 'met_in_person_year', params: { count: inPerson } });
  const messages = (counts.message_sent ?? 0) + (counts.message_received ?? 0);
  if (messages > 0) reasons.push({ code: 'messages_year', params: { count: messages } });
  const comments = (counts.comment_sent ?? 0) + (counts.comment_received ?? 0);
  if (comments > 0) reasons.push({ code: 'comments_year', params: { count: comments } });
  reasons.push({ code: 'interactions_year', params: { count: total } });
  return { level, score, reasons };
}
