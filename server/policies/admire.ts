/**
 * Who may go on a member's admire list, and how its pipeline may move, decided on facts the commands load
 * (commands/admire). The list is private to its owner: nobody else ever reads it, so the only rules are
 * about what may be added and how an entry may change.
 */
import { ADMIRE_ENTRIES_MAX, type AdmireStage, stageMoveAllowed } from '../../common/admire.ts';
import { type AppError, badRequest, conflict } from '../errors.ts';

export interface AdmiredMemberFacts {
  /** Null when no active member has the handle. */
  id: number | null;
  block: 'i_blocked' | 'they_blocked' | null;
}

/**
 * Why this member may not be added; null when they may. A block either way, a suspended member and no
 * member at all are one answer, so the list never tells who blocked whom.
 */
export function admiredMemberRefusal(viewerId: number, f: AdmiredMemberFacts): AppError | null {
  if (f.id === null || f.block !== null) return badRequest('admire_member_unknown');
  if (f.id === viewerId) return badRequest('admire_self');
  return null;
}

/** Whether the owner's list has room for one more entry. */
export function admireRoomRefusal(entries: number): AppError | null {
  return entries >= ADMIRE_ENTRIES_MAX ? conflict('admire_list_full', { params: { max: ADMIRE_ENTRIES_MAX } }) : null;
}

/** A stage may stay (to add a note) or move forward by any number of steps; never back (common/admire.ts). */
export function stageMoveRefusal(from: AdmireStage, to: AdmireStage): AppError | null {
  return stageMoveAllowed(from, to) ? null : badRequest('admire_stage_backwards');
}
