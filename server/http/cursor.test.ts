import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { decodeCursor, decodeCursorOf, encodeCursor, encodeIdSet, keysetPage, lookahead } from './cursor.ts';

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const refused = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err instanceof AppError && err.status === 400 && err.code === 'invalid_cursor';
  }
  return false;
};

describe('keyset cursors', () => {
  it('read back what they were made from', () => {
    const key = { t: '2024-02-29T23:59:59.123456Z', i: 42 };
    expect(decodeCursor(encodeCursor(key), { t: 'time', i: 'id' })).toEqual(key);
    expect(decodeCursor(encodeCursor({ s: 0.25, i: 7 }), { s: 'score', i: 'id' })).toEqual({ s: 0.25, i: 7 });
    expect(decodeCursor(encodeCursor({ m: '1717171717171717', t: 'flag', i: 2 ** 40 }), { m: 'micros', t: 'text', i: 'bigId' })).toEqual({
      m: '1717171717171717',
      t: 'flag',
      i: 2 ** 40,
    });
    expect(decodeCursor(undefined, { i: 'id' })).toBeNull();
    expect(decodeCursor('', { i: 'id' })).toBeNull();
  });

  it.each([
    ['a fractional id', { i: 1.5 }, { i: 'id' }],
    ['an id past PostgreSQL integer', { i: 2 ** 31 }, { i: 'id' }],
    ['a zero or negative id', { i: 0 }, { i: 'id' }],
    ['a bigint id past what a JS number holds exactly', { i: 2 ** 53 + 2 }, { i: 'bigId' }],
    ['an id as text', { i: '1' }, { i: 'id' }],
    ['an impossible date', { t: '2026-02-31T00:00:00.000000Z', i: 1 }, { t: 'time', i: 'id' }],
    ['a 29 February outside a leap year', { t: '2025-02-29T00:00:00.000000Z', i: 1 }, { t: 'time', i: 'id' }],
    ['hour 24', { t: '2026-01-01T24:00:00.000000Z', i: 1 }, { t: 'time', i: 'id' }],
    ['year 0', { t: '0000-01-01T00:00:00.000000Z', i: 1 }, { t: 'time', i: 'id' }],
    ['a time in another format', { t: '2026-01-01 00:00:00', i: 1 }, { t: 'time', i: 'id' }],
    ['microseconds past bigint', { m: '9223372036854775808', t: 'flag', i: 1 }, { m: 'micros', t: 'text', i: 'bigId' }],
    ['a NUL in a text key', { n: 'ana\u0000', i: 1 }, { n: 'text', i: 'id' }],
    ['a lone surrogate in a text key', { n: '\uD800', i: 1 }, { n: 'text', i: 'id' }],
    ['a missing part', { i: 1 }, { t: 'time', i: 'id' }],
    ['an extra part', { i: 1, x: 1 }, { i: 'id' }],
    ['a list', [1], { i: 'id' }],
    ['null', null, { i: 'id' }],
    ['an id set with a zero first id', { s: '0.1' }, { s: 'idSet' }],
    ['an id set past what a JS number holds exactly', { s: 'zzzzzzzzzzz.zzzzzzzzzzz' }, { s: 'idSet' }],
    ['an id set in another alphabet', { s: '1,2' }, { s: 'idSet' }],
    ['an empty id set', { s: '' }, { s: 'idSet' }],
    ['an id set of 201 ids', { s: Array(201).fill('1').join('.') }, { s: 'idSet' }],
  ] as const)('refuses %s with 400 invalid_cursor', (_what, value, shape) => {
    expect(refused(() => decodeCursor(forged(value), shape))).toBe(true);
  });

  it('refuses what is not base64url JSON', () => {
    expect(refused(() => decodeCursor('not a cursor!', { i: 'id' }))).toBe(true);
    expect(refused(() => decodeCursor(Buffer.from('{"i":').toString('base64url'), { i: 'id' }))).toBe(true);
    // 1e999 is valid JSON that parses as Infinity.
    expect(refused(() => decodeCursor(Buffer.from('{"s":1e999,"i":1}').toString('base64url'), { s: 'score', i: 'id' }))).toBe(true);
  });
});

describe('keyset pages', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `p${i + 1}` }));
  const keyOf = (r: { id: number }) => ({ i: r.id });

  it('ask for one row more than the page', () => {
    expect(lookahead(20)).toBe(21);
  });

  it('give the page and a cursor from its last row when the lookahead row came back', () => {
    const page = keysetPage(rows(lookahead(3)), 3, keyOf);
    expect(page.rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(decodeCursor(page.nextCursor ?? undefined, { i: 'id' })).toEqual({ i: 3 });
  });

  it('give no cursor on the last page, full or short', () => {
    expect(keysetPage(rows(3), 3, keyOf)).toEqual({ rows: rows(3), nextCursor: null });
    expect(keysetPage(rows(1), 3, keyOf)).toEqual({ rows: rows(1), nextCursor: null });
    expect(keysetPage([], 3, keyOf)).toEqual({ rows: [], nextCursor: null });
  });

  it('make the cursor from whatever key the list sorts by', () => {
    const page = keysetPage(rows(3), 2, (r) => ({ n: r.name, i: r.id }));
    expect(decodeCursor(page.nextCursor ?? undefined, { n: 'text', i: 'id' })).toEqual({ n: 'p2', i: 2 });
  });

  it('carry a set of ids compactly, in any order given, and read it back ascending', () => {
    const ids = [1_000_345, 1_000_000, 1_000_350, 1_001_000];
    const text = encodeIdSet(ids);
    expect(text).toBe(`${(1_000_000).toString(36)}.9l.5.i2`);
    expect(decodeCursor(encodeCursor({ s: text }), { s: 'idSet' })).toEqual({ s: [1_000_000, 1_000_345, 1_000_350, 1_001_000] });
  });

  it('tell which of several shapes a cursor has, and refuse one that has none of them', () => {
    const shapes = { ranked: { a: 'time', s: 'idSet' }, tail: { t: 'time', i: 'bigId' } } as const;
    const t = '2026-01-01T00:00:00.000000Z';
    expect(decodeCursorOf(encodeCursor({ t, i: 5 }), shapes)).toEqual({ kind: 'tail', key: { t, i: 5 } });
    expect(decodeCursorOf(encodeCursor({ a: t, s: '1.1' }), shapes)).toEqual({ kind: 'ranked', key: { a: t, s: [1, 2] } });
    expect(decodeCursorOf(undefined, shapes)).toBeNull();
    expect(refused(() => decodeCursorOf(forged({ a: t, i: 5 }), shapes))).toBe(true);
  });
});
