/**
 * The reciprocity ledger over the API (docs/relationships.md, "Gives and asks"): my gives and asks, per person
 * and overall, the nudges my offers earn, and a give or an ask logged by hand. Returned to its member alone.
 */
import { z } from 'zod';
import { LEDGER_SUBJECTS, LEDGER_SIDES, LOGGABLE_LEDGER_SUBJECTS } from '../ledger.ts';
import { LIMITS } from '../limits.ts';
import { pastDay } from './relationships.ts';
import { cursor, pageLimit, text } from './primitives.ts';
import { page, personCard } from './search.ts';

const sideCounts = {
  given: z.number(),
  received: z.number(),
  asked: z.number(),
  /** How often the other asked me. */
  asked_by: z.number(),
};

export const ledgerTally = z.object({
  ...sideCounts,
  /** Given minus received: positive when I have paid forward more than I was paid. */
  balance: z.number(),
  bySubject: z.array(z.object({ subject: z.enum(LEDGER_SUBJECTS), ...sideCounts })),
});
export type LedgerTallyView = z.infer<typeof ledgerTally>;

export const ledgerPerson = personCard.extend({ ledger: ledgerTally, lastAt: z.string() });
export type LedgerPersonView = z.infer<typeof ledgerPerson>;

export const ledgerNudge = z.object({ offer: z.string(), count: z.number(), people: z.array(personCard) });
export type LedgerNudgeView = z.infer<typeof ledgerNudge>;

export const ledgerView = z.object({
  overall: ledgerTally,
  people: page(ledgerPerson),
  nudges: z.array(ledgerNudge),
});
export type LedgerView = z.infer<typeof ledgerView>;

export const ledgerQuery = z.strictObject({ cursor, limit: pageLimit });

export const ledgerEntryCreate = z.strictObject({
  subject: z.enum(LOGGABLE_LEDGER_SUBJECTS),
  side: z.enum(LEDGER_SIDES),
  date: pastDay.optional(),
  /** Kept as a note on the card, dated with the entry. */
  note: text(LIMITS.relationshipNoteMax).optional(),
});
export type LedgerEntryCreate = z.infer<typeof ledgerEntryCreate>;
