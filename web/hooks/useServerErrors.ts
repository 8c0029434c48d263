import { ApiError } from '../api/client.ts';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Puts the server's field errors (paths like "body.experience.0.title") on the matching form fields,
 * which use the same dotted paths. Returns the message for anything that matched no field.
 */
export function applyServerErrors(form: FormLike, error: unknown, fields: readonly string[] = []): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  const matched: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const e of error.fieldErrors) {
    const path = e.path.replace(/^body\.?/, '');
    const root = path.split('.')[0] ?? '';
    if (path && (fields.length === 0 || fields.includes(root))) matched[path] = capitalise(e.message);
    else unmatched.push(`${path || 'Request'}: ${e.message}`);
  }
  form.setErrors(matched);
  if (Object.keys(matched).length > 0 && unmatched.length === 0) return 'Please fix the highlighted fields.';
  return unmatched.length ? `${error.message} ${unmatched.join('; ')}` : error.message;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
