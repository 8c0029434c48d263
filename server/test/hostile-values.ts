/**
 * What an attacker (or a fuzzer, or a broken client) sends instead of what a field expects: the values the
 * hostile-input suite puts in every path parameter, query parameter and body field of every route.
 */

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Text that is valid JSON but that SQL, logs or a naive parser may choke on. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u001B[31mred',
  '\u202Eevil',
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  "' OR 1=1; --",
  '../../etc/passwd',
  '🙂',
  '-1',
  '0',
  '1.5',
  '-0',
  '2147483648',
  '9007199254740993',
  '1e400',
  '0x10',
  ' 1 ',
  'NaN',
  'true',
  'null',
];

/** Forged keyset cursors: the shapes of every list, with ids, scores and times no list ever made. */
export const HOSTILE_CURSORS: readonly string[] = [
  cursorOf({ s: 1, i: 1.5 }),
  cursorOf({ s: 1, i: 2 ** 31 }),
  cursorOf({ s: 1e308, i: 2 ** 53 + 2 }),
  cursorOf({ i: -1 }),
  cursorOf({ i: 2 ** 31 }),
  cursorOf({ i: 0.5 }),
  cursorOf({ i: '1' }),
  cursorOf({ t: '2026-02-31T00:00:00.000000Z', i: 1 }),
  cursorOf({ t: '2026-01-01T24:00:00.000000Z', i: 1 }),
  cursorOf({ t: '0000-01-01T00:00:00.000000Z', i: 1 }),
  cursorOf({ t: '2026-01-01T00:00:00.000000Z', i: 2 ** 31 }),
  cursorOf({ n: '\u0000', i: 1 }),
  cursorOf({ n: '\uD800', i: 1 }),
  cursorOf({ m: '99999999999999999999', t: 'flag', i: 1 }),
  cursorOf({ m: '1', t: 'flag', i: 2 ** 53 + 2 }),
  cursorOf({ m: '1', t: '\u0000', i: 1 }),
  cursorOf(null),
  cursorOf([]),
  cursorOf('x'),
  '!!!',
  'x'.repeat(300),
];

/** Numbers at and past every edge a column or a JavaScript number has. */
export const HOSTILE_NUMBERS: readonly number[] = [-1, 0, 0.5, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE];

/** Values of the wrong JSON type for any field. */
export const HOSTILE_SHAPES: readonly unknown[] = [true, null, [], {}, [1, 2], { a: 1 }, ['\u0000'], { constructor: { prototype: { admin: true } } }];

/** Raw path segments that are not valid percent-encoding, or that a router may treat specially. */
export const HOSTILE_RAW_SEGMENTS: readonly string[] = ['%E0%A4%A', '%', '%00', '%ED%A0%80', '..', '.', 'a'.repeat(150), '<script>'];

/** Request bodies that are broken before any schema sees them: each is [content-type, payload]. */
export const HOSTILE_BODIES: readonly [string, string][] = [
  ['application/json', '{"a":'],
  ['application/json', '{"__proto__":{"admin":true}}'],
  ['application/json', '{"constructor":{"prototype":{"admin":true}}}'],
  ['application/json', '"\\u0000"'],
  ['application/json; charset=utf-16', '{}'],
  ['application/json;;', '{}'],
  ['multipart/form-data; boundary=XB', '--XB\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG'],
  ['multipart/form-data', '--XB\r\n'],
  ['multipart/form-data; boundary=XB', 'not multipart at all'],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'a=1&b=%E0%A4%A'],
  ['/', 'x'],
];

/** The values a JSON body field may be tried with. */
export const HOSTILE_JSON: readonly unknown[] = [...HOSTILE_TEXT, ...HOSTILE_CURSORS.slice(0, 4), ...HOSTILE_NUMBERS, ...HOSTILE_SHAPES];
/** …of which every field always gets these: what has broken SQL before (NUL, a lone surrogate, int4 overflow, a fraction). */
export const CORE_JSON: readonly unknown[] = ['\u0000', '\uD800', 'x'.repeat(5000), 2 ** 31, 1.5, { a: 1 }];

/** The values a path or query parameter may be tried with (as text, percent-encoded by the caller). */
export const HOSTILE_PARAMS: readonly string[] = [...HOSTILE_TEXT, ...HOSTILE_CURSORS, ...HOSTILE_NUMBERS.map(String)];
/** …of which every parameter always gets these. */
export const CORE_PARAMS: readonly string[] = ['\u0000', '\uD800', '2147483648', '9007199254740993', '1.5', '-1'];
/** …and every raw path segment gets these. */
export const CORE_RAW_SEGMENTS: readonly string[] = ['%E0%A4%A', '%ED%A0%80', 'a'.repeat(150)];

/**
 * A deterministic pick of `n` values from `values`, different for each location (a seeded shuffle), so that
 * across all the locations of all routes every value is tried many times while each location stays cheap.
 */
export function pick<T>(values: readonly T[], n: number, location: string): T[] {
  let seed = 2166136261;
  for (const ch of location) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/**
 * Percent-encodes a parameter value. A lone surrogate cannot be UTF-8, so encodeURIComponent throws on it;
 * send the bytes a careless client would (CESU-8), which the server must refuse cleanly.
 */
export function encodeParam(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return Array.from(value, (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(ch);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }).join('');
  }
}
