import type { Reason } from '../../common/reasons.ts';

/**
 * Renders a reason (a stable code with parameters, common/reasons.ts) in the active language.
 * Placeholder until the `reasons` namespace lands: shows the server's English `text`.
 */
export function useReasonText(): (reason: Pick<Reason, 'code' | 'params' | 'text'>) => string {
  return (reason) => reason.text;
}
