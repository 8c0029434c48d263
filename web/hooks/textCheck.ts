import { textProblemCode } from '../../common/text.ts';
import { i18n } from '../i18n/i18n.ts';

/**
 * The server's rule for a one-line text (a name, title, organisation, headline) as a form field error, so a
 * direction override or an invisible name is refused before the round trip, in the reader's language.
 * With emptyMessage the field is required, and that message asks for it.
 */
export function lineError(value: string, emptyMessage?: string): string | null {
  if (!value.trim()) return emptyMessage ?? null;
  const problem = textProblemCode(value, { line: true, required: emptyMessage !== undefined });
  return problem ? i18n.t(`common:textProblems.${problem}`) : null;
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
  return problem ? i18n.t(`common:textProblems.${problem}`) : null;
}
