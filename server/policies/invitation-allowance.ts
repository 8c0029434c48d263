/**
 * Whether the sender's allowance lets one more invitation go: to a member, or by email to someone who is
 * not one yet (both draw on the same weekly allowance, so the second is no way round the first). Decided on
 * the allowance as loaded under the sender's lock; null when it may go.
 */
import type { AllowanceView } from '../../common/schemas/screening.ts';
import { AppError, forbidden } from '../errors.ts';

export function allowanceRefusal(allowance: AllowanceView, note: { hasLink: boolean }, now = Date.now()): AppError | null {
  const restricted = allowance.restrictions.find((r) => r.kind === 'held' || r.kind === 'invitations');
  if (restricted?.kind === 'held') return forbidden('account_held');
  if (restricted) return forbidden('invitations_restricted', { params: { reason: restricted.reason } });
  if (allowance.remaining === 0) {
    const seconds = allowance.nextFreeAt ? Math.max(1, Math.ceil((Date.parse(allowance.nextFreeAt) - now) / 1000)) : 3600;
    return new AppError(429, 'invitation_allowance', { params: { weekly: allowance.weekly }, headers: { 'retry-after': String(seconds) } });
  }
  if (allowance.outstanding >= allowance.outstandingCap) {
    return new AppError(409, 'invitation_limit', { params: { outstanding: allowance.outstanding } });
  }
  if (!allowance.linksAllowed && note.hasLink) return forbidden('note_links_not_allowed');
  return null;
}
