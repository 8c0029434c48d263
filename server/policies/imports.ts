/**
 * Imports and contacts are private: a member's imports, contacts, notes, history and profile draft are
 * theirs alone. Anyone else (another member, an operator through the member API) is answered as if the
 * thing did not exist (404), so ids cannot be probed.
 *
 * Connecting from a contact needs a match the member has not dismissed, to someone they may still see.
 */
import { AppError, notFound } from '../errors.ts';

export function ownRefusal(actorId: number, owned: { memberId: number } | undefined, what: 'import' | 'contact'): AppError | null {
  if (!owned || owned.memberId !== actorId) return notFound(what);
  return null;
}

export function contactConnectRefusal(contact: { matchedMemberId: number | null; dismissedAt: string | null }, visible: boolean): AppError | null {
  if (contact.matchedMemberId === null || contact.dismissedAt !== null || !visible) return new AppError(409, 'contact_unmatched');
  return null;
}

/** How many imports a member may have queued or running at once (each holds a stored upload). */
export const UNFINISHED_IMPORTS_MAX = 2;
