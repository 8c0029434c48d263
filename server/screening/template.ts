/**
 * Template notes: which of a sender's recent notes are nearly identical to this one (MinHash, see
 * minhash.ts). The recent notes are loaded for a whole page of senders by server/queries/screening/notes.ts.
 */
import { similarity } from './minhash.ts';

/** Estimated Jaccard similarity at or above which two notes count as the same text. */
export const TEMPLATE_SIMILARITY = 0.6;
/** Days of a sender's notes compared, and at most how many of the newest. */
export const TEMPLATE_WINDOW_DAYS = 30;
export const TEMPLATE_LOOK_BACK = 500;

/** One of a sender's earlier notes, as stored. */
export interface EarlierNote {
  invitationId: number;
  recipientId: number;
  signature: readonly number[];
}

export interface SimilarNotes {
  count: number;
  /** Who received the near-copies, newest first (a member may appear once per copy). */
  recipients: number[];
}

/**
 * Of the sender's earlier notes (newest first, from the window), the newest TEMPLATE_LOOK_BACK other than
 * the invitation itself that are nearly identical to this signature.
 */
export function similarNotes(signature: readonly number[] | null, earlier: readonly EarlierNote[], exceptInvitation: number | null): SimilarNotes {
  if (!signature) return { count: 0, recipients: [] };
  const recipients = earlier
    .filter((e) => e.invitationId !== exceptInvitation)
    .slice(0, TEMPLATE_LOOK_BACK)
    .filter((e) => similarity(signature, e.signature) >= TEMPLATE_SIMILARITY)
    .map((e) => e.recipientId);
  return { count: recipients.length, recipients };
}
