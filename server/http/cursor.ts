import { badRequest } from '../errors.ts';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. Never OFFSET. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(
  raw: string | undefined,
  shape: { [K in keyof T]: 'number' | 'string' },
): T | null {
  if (raw === undefined || raw === '') return null;
  const invalid = () => badRequest('invalid_cursor', 'The cursor is not valid for this list. Start again without it.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null) throw invalid();
  for (const [key, type] of Object.entries(shape)) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v !== type || (typeof v === 'number' && !Number.isFinite(v))) throw invalid();
  }
  return value as T;
}
