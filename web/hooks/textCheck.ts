import { textProblem } from '../../common/text.ts';
import type english from '../i18n/resources/en/common.ts';
import { i18n } from '../i18n/i18n.ts';

/** textProblem's English sentences (common/text.ts, which the server words them with) → their messages here. */
const PROBLEM_KEYS: Record<string, keyof (typeof english)['textProblems']> = {
  'must be valid Unicode text': 'unicode',
  'must be valid UTF-8 text': 'utf8',
  'must be one line without control characters': 'oneLine',
  'must not contain control characters': 'control',
  'must not contain characters that change the direction of text': 'direction',
  'must not pile up combining marks': 'marks',
  'must not be empty': 'empty',
  'must contain visible characters': 'invisible',
};

/**
 * The server's rule for a one-line text (a name, title, organisation, headline) as a form field error, so a
 * direction override or an invisible name is refused before the round trip, in the reader's language.
 * With emptyMessage the field is required, and that message asks for it.
 */
export function lineError(value: string, emptyMessage?: string): string | null {
  if (!value.trim()) return emptyMessage ?? null;
  const problem = textProblem(value, { line: true, required: emptyMessage !== undefined });
  if (!problem) return null;
  const key = PROBLEM_KEYS[problem];
  return key ? i18n.t(`common:textProblems.${key}`) : problem.charAt(0).toUpperCase() + problem.slice(1);
}
