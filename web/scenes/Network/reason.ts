import type { Reason } from '../../../common/reasons.ts';

/**
 * The API's schema types a reason's code as a plain string (zod does not enumerate the codes); every code
 * the server sends is one of common/reasons.ts's, which useReasonText() expects.
 */
export const asReason = (r: { code: string; params: Reason['params']; text: string }): Reason => r as Reason;
