/**
 * Stored reasons (flags, sign-ups) as the API gives them: code, parameters and the English rendering.
 * A plain string is a reason from before reasons had codes (the migration wraps them; this keeps a row
 * written by an older process readable all the same).
 */
import { type Reason, type StoredReason, storedReason } from '../../common/reasons.ts';

export const presentStoredReasons = (stored: readonly (StoredReason | string)[], legacy: 'flag.other' | 'signup.other'): Reason[] =>
  stored.map((r) => (typeof r === 'string' ? storedReason(legacy, { message: r }) : storedReason(r.code, r.params)));
