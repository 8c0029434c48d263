import { textProblemCode } from '../../common/text.ts';
import { i18n } from '../i18n/i18n.ts';
import { capitalise } from './useServerErrors.ts';

/**
 * The server's rule for a one-line text (a name, title, organisation, headline) as a form field error, so a
 * direction override or an invisible name is refused before the round trip, in the reader's language.
 * With emptyMessage the field is required, and that message asks for it.
 *
 * The words are the API's own for the same field code (`errors:field.text_…`, from common/i18n/errors), so
 * the form and the server cannot say it differently; a scene that calls this loads the errors namespace.
 */
export function lineError(value: string, emptyMessage?: string): string | null {
  if (!value.trim()) return emptyMessage ?? null;
  const problem = textProblemCode(value, { line: true, required: emptyMessage !== undefined });
  return problem ? capitalise(i18n.t(`errors:field.${problem}`)) : null;
}
