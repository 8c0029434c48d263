/**
 * The reciprocity ledger's vocabulary (docs/relationships.md, "Gives and asks"): what passes between two
 * members, by subject, and which side of it a member was on. Every entry is a row of the interactions ledger
 * (server/relationships/from-events.ts), so the ledger is a view of it, never a second record: an introduction
 * accepted, an endorsement, a recommendation approved, a request for either, and help logged by hand.
 */

/** What was given or asked. */
export const LEDGER_SUBJECTS = ['introduction', 'recommendation', 'endorsement', 'referral', 'advice', 'help'] as const;
export type LedgerSubject = (typeof LEDGER_SUBJECTS)[number];

/**
 * The member's side of it: they gave it, received it, asked the other for it, or were asked for it. Balance
 * is given minus received: "paid forward" when positive.
 */
export const LEDGER_SIDES = ['given', 'received', 'asked', 'asked_by'] as const;
export type LedgerSide = (typeof LEDGER_SIDES)[number];

/** What a member may log by hand: the help Rapport cannot see (a referral, advice over coffee, an introduction made elsewhere). */
export const LOGGABLE_LEDGER_SUBJECTS = ['introduction', 'referral', 'advice', 'help'] as const;
export type LoggableLedgerSubject = (typeof LOGGABLE_LEDGER_SUBJECTS)[number];

export type LedgerKind = `${LedgerSubject}_${LedgerSide}`;

/** Every ledger kind of interaction, e.g. `introduction_given`, `endorsement_received`, `help_asked_by`. */
export const LEDGER_KINDS = LEDGER_SUBJECTS.flatMap((subject) => LEDGER_SIDES.map((side) => `${subject}_${side}` as const)) as readonly LedgerKind[];

const KIND_PATTERN = new RegExp(`^(${LEDGER_SUBJECTS.join('|')})_(${['asked_by', ...LEDGER_SIDES.filter((s) => s !== 'asked_by')].join('|')})$`);

/** The subject and side of a ledger kind, or null for an interaction that is no give or ask (a message, a meeting). */
export function ledgerEntryOf(kind: string): { subject: LedgerSubject; side: LedgerSide } | null {
  const m = KIND_PATTERN.exec(kind);
  return m ? { subject: m[1] as LedgerSubject, side: m[2] as LedgerSide } : null;
}

/** How much a give or an ask says about a relationship's strength (relationships/strength.ts): more than a message. */
export const LEDGER_WEIGHTS = Object.fromEntries(
  LEDGER_KINDS.map((kind) => [kind, kind.endsWith('_given') || kind.endsWith('_received') ? 3 : 1]),
) as Record<LedgerKind, number>;
