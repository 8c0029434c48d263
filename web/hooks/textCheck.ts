import { textProblem } from '../../common/text.ts';

/**
 * The server's rule for a one-line text (a name, title, organisation, headline) as a form field error, so a
 * direction override or an invisible name is refused before the round trip, in the server's own words.
 * With emptyMessage the field is required, and that message asks for it.
 */
export function lineError(value: string, emptyMessage?: string): string | null {
  if (!value.trim()) return emptyMessage ?? null;
  const problem = textProblem(value, { line: true, required: emptyMessage !== undefined });
  return problem ? problem.charAt(0).toUpperCase() + problem.slice(1) : null;
}
