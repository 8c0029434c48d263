import type { z } from 'zod';

/** One problem with an input row, located as `file:line` so the operator can fix the file and retry. */
export interface ImportIssue {
  file: string;
  line: number;
  message: string;
}

export function formatIssue(issue: ImportIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Raised before anything is written: the whole import is refused when any row is bad. */
export class ImportValidationError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the input; nothing was imported.\n${issues.slice(0, 20).map(formatIssue).join('\n')}`);
  }
}

/** Turns zod issues into `field: message` lines; rename maps schema paths onto the input's own column names. */
export function zodMessages(error: z.ZodError, rename: (path: string) => string = (p) => p): string[] {
  return error.issues.map((i) => {
    const path = rename(i.path.map(String).join('.'));
    return path ? `${path}: ${i.message}` : i.message;
  });
}
