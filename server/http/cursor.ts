import { z } from 'zod';
import { bigId, id } from '../../common/schemas/primitives.ts';
import { badRequest } from '../errors.ts';

/** A timestamp to the microsecond, as the keyset queries write it (to_char … 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'). */
const EXACT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const BIGINT_MAX = 9_223_372_036_854_775_807n;
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A calendar date and time that exists: 2026-02-31 or 24:00 would be a cast error in SQL. */
function isRealTime(value: string): boolean {
  const m = EXACT_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    year >= 1900 &&
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second
  );
}

/** Ids in an id set: each a base-36 number, at most this many (see encodeIdSet). */
const ID_SET_MAX = 200;
const ID_SET = new RegExp(`^[0-9a-z]{1,11}(\\.[0-9a-z]{1,11}){0,${ID_SET_MAX - 1}}$`);

/** The ids of an id set, or null when one overflows a safe integer (a forged cursor). */
function readIdSet(text: string): number[] | null {
  const ids: number[] = [];
  let at = 0;
  for (const part of text.split('.')) {
    at += parseInt(part, 36);
    if (!Number.isSafeInteger(at) || at < 1) return null;
    ids.push(at);
  }
  return ids;
}

/**
 * A set of row ids as one short text: ascending, the first as it is and each next as its distance from the one
 * before, in base 36, joined by dots. Ids close together (posts of the same few days) take 3–4 characters each.
 */
export function encodeIdSet(ids: Iterable<number>): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return sorted.map((id, i) => (id - (i === 0 ? 0 : sorted[i - 1]!)).toString(36)).join('.');
}

/**
 * What each part of a cursor may hold. A cursor is client input like any other: every value must be one
 * the list's SQL can compare against its column without a cast error or an overflow.
 */
const CURSOR_PARTS = {
  /** A row id in an `integer` column (members, organisations, outbox). */
  id,
  /** A row id in a `bigint` column (invitations, reports, flags, notices, audit events). */
  bigId,
  /** A relevance score: any finite number (JSON cannot carry NaN, and 1e999 parses as Infinity). */
  score: z.number(),
  /** A row's creation time, exactly. */
  time: z.string().refine(isRealTime),
  /** Microseconds since 1970, as decimal text: it must fit a bigint. */
  micros: z.string().regex(/^\d{1,19}$/).refine((s) => BigInt(s) <= BIGINT_MAX),
  /** A sort key of text (a lowercased name): short, and nothing PostgreSQL text cannot hold. */
  text: z.string().max(500).refine((s) => !NOT_TEXT.test(s)),
  /** A set of bigint row ids made by encodeIdSet (the posts a ranked list has shown), read back as numbers. */
  idSet: z
    .string()
    .regex(ID_SET)
    .transform((s, ctx) => readIdSet(s) ?? (ctx.addIssue({ code: 'custom', message: 'not an id set' }), z.NEVER)),
} as const;

type CursorPart = keyof typeof CURSOR_PARTS;
type Decoded<S extends Record<string, CursorPart>> = { [K in keyof S]: z.output<(typeof CURSOR_PARTS)[S[K]]> };

/** A row's sort key, as a cursor carries it: short names for each part (`{ t, i }`). */
export type CursorKey = Record<string, string | number>;

/** Opaque keyset cursors: base64url JSON of the last row's sort key. Never OFFSET. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Reads a cursor made by encodeCursor for one list, whose shape names the kind of each part
 * (`{ t: 'time', i: 'id' }`). Anything else, forged or from another list, is a 400 `invalid_cursor`.
 */
export function decodeCursor<S extends Record<string, CursorPart>>(raw: string | undefined, shape: S): Decoded<S> | null {
  if (raw === undefined || raw === '') return null;
  const invalid = () => badRequest('invalid_cursor');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const schema = z.strictObject(Object.fromEntries(Object.entries(shape).map(([key, part]) => [key, CURSOR_PARTS[part]])));
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid();
  return parsed.data as Decoded<S>;
}

/**
 * Reads a cursor that may take one of several shapes (a list that pages in two phases), telling which one it
 * is: `{ kind, key }` for the first shape it matches, in the order given. Anything else is a 400 `invalid_cursor`.
 */
export function decodeCursorOf<V extends Record<string, Record<string, CursorPart>>>(
  raw: string | undefined,
  variants: V,
): { [K in keyof V]: { kind: K; key: Decoded<V[K]> } }[keyof V] | null {
  if (raw === undefined || raw === '') return null;
  for (const [kind, shape] of Object.entries(variants)) {
    try {
      return { kind, key: decodeCursor(raw, shape) } as { [K in keyof V]: { kind: K; key: Decoded<V[K]> } }[keyof V];
    } catch {
      // Not this shape: try the next one; none matching is invalid below.
    }
  }
  throw badRequest('invalid_cursor');
}

/**
 * How many rows a keyset query asks for: the page and one more, whose presence alone says that another
 * page follows (no count). Use as `LIMIT ${lookahead(limit)}` or `.limit(lookahead(limit))`, then keysetPage.
 */
export const lookahead = (limit: number): number => limit + 1;

/** One page of a keyset list: its rows and the cursor to the next page (null on the last one). */
export interface KeysetPage<T> {
  rows: T[];
  nextCursor: string | null;
}

/**
 * Splits rows fetched with `lookahead(limit)` into the page and the cursor after it, made by `keyOf` from the
 * page's last row: the same sort key the query compares against when the cursor comes back.
 */
export function keysetPage<T>(found: readonly T[], limit: number, keyOf: (last: T) => CursorKey): KeysetPage<T> {
  const rows = found.slice(0, limit);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: found.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
