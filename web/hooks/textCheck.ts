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

/**
 * The server's rule for free text (a post, a comment) as a field error before the round trip: empty (when
 * emptyMessage makes it required), too long (by how much), or a character the server refuses (a direction
 * override), in the reader's language.
 */
export function freeTextError(value: string, max: number, emptyMessage?: string): string | null {
  if (!value.trim()) return emptyMessage ?? null;
  if (value.length > max) return i18n.t('feed:composer.tooLong', { count: value.length - max });
  const problem = textProblemCode(value, { required: true });
  if (!problem) return null;
  // The words load when the box is focused (loadTextProblemWords); a check faster than that still refuses.
  return i18n.hasLoadedNamespace('errors') ? capitalise(i18n.t(`errors:field.${problem}`)) : i18n.t('common:failure.fix_fields');
}

/**
 * Loads the API's words for refused text (the `errors` namespace, about 3 KB) when a member starts to write,
 * rather than with every page that shows a text box: most never need them.
 */
export function loadTextProblemWords(): void {
  // Not awaited: freeTextError checks whether they arrived, and a failed load only means plainer words.
  void i18n.loadNamespaces('errors');
}
