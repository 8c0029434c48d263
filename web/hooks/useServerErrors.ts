import { ApiError, errorMessage } from '../api/client.ts';
import { i18n } from '../i18n/i18n.ts';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Puts the server's field errors (paths like "body.experience.0.title") on the matching form fields,
 * which use the same dotted paths. Returns the message for anything that matched no field. The problem's
 * own message is translated by its code (errorMessage); a field's message is the server's, already in the
 * language the request asked for.
 */
export function applyServerErrors(form: FormLike, error: unknown, fields: readonly string[] = []): string | null {
  const t = i18n.getFixedT(null, 'common', 'failure');
  if (!(error instanceof ApiError)) return errorMessage(error);
  const matched: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const e of error.fieldErrors) {
    const path = e.path.replace(/^body\.?/, '');
    const root = path.split('.')[0] ?? '';
    if (path && (fields.length === 0 || fields.includes(root))) matched[path] = capitalise(e.message);
    else {
      const where = path || t('request');
      unmatched.push(t('field', { path: where, message: e.message }));
    }
  }
  form.setErrors(matched);
  if (Object.keys(matched).length > 0 && unmatched.length === 0) return t('fix_fields');
  return unmatched.length ? `${error.text} ${unmatched.join('; ')}` : error.text;
}

/** A field message as a form shows it: the API's follow a field name ("name: must …"), a form's start a sentence. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
