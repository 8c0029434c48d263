import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../common/error-codes.ts';
import english from '../common/i18n/errors/en.ts';
import italian from '../common/i18n/errors/it.ts';
import { AppError, badRequest, conflict, notFound } from './errors.ts';
import { errorText } from './i18n/errors.ts';

/**
 * The server's own source: what throws and renders errors. Tests, and the table that documents which
 * codes each operation answers (server/http/operations.ts), would make any code look used.
 */
function serverSource(): string {
  return readdirSync('server', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test/') && f !== join('http', 'operations.ts'))
    .map((f) => readFileSync(join('server', f), 'utf8'))
    .join('\n');
}

describe('the error-code catalogue (common/error-codes.ts)', () => {
  it('has no dead codes: every code is answered somewhere in the server', () => {
    const source = serverSource();
    const unused = Object.keys(ERROR_CODES).filter((code) => !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('gives each code a 4xx or 5xx status and a meaning', () => {
    for (const [code, { status, meaning }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});

describe('the error helpers', () => {
  it('take only codes of the catalogue, each with its own status (checked by tsc: an unused @ts-expect-error fails it)', () => {
    // @ts-expect-error a free string is not a code
    expect(badRequest('no_such_code').status).toBe(400);
    // @ts-expect-error email_taken is a 409, not a 400
    expect(badRequest('email_taken').code).toBe('email_taken');
    // @ts-expect-error the status must be the code's
    expect(new AppError(400, 'rate_limited', { key: 'network' }).code).toBe('rate_limited');
    expect(conflict('email_taken').status).toBe(ERROR_CODES.email_taken.status);
  });

  it('take a message key, never text: a situation where the code has several, none where it has one (tsc)', () => {
    // @ts-expect-error English text is not a message
    expect(conflict('email_taken', 'An account with this email address already exists.').code).toBe('email_taken');
    // @ts-expect-error connection_limit has two situations: which one must be said
    expect(conflict('connection_limit').code).toBe('connection_limit');
    // @ts-expect-error no such situation
    expect(notFound('planet').code).toBe('not_found');
    const error = conflict('connection_limit', { key: 'you', params: { max: 5000 } });
    expect(error.key).toBe('connection_limit.you');
    expect(error.message).toBe('You have reached the limit of 5,000 connections.');
  });
});

/** Every message of a catalogue, as [key, text]. */
function leaves(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[prefix + k, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

describe('the error messages (common/i18n/errors)', () => {
  it('have a message for every code, in English and in Italian', () => {
    for (const catalogue of [english, italian]) {
      const missing = Object.keys(ERROR_CODES).filter((code) => !Object.hasOwn(catalogue, code));
      expect(missing).toEqual([]);
    }
  });

  it('have the same keys in both languages, and no message for a code that does not exist', () => {
    expect(leaves(italian).map(([k]) => k)).toEqual(leaves(english).map(([k]) => k));
    expect(Object.keys(english).filter((k) => k !== 'field' && !Object.hasOwn(ERROR_CODES, k))).toEqual([]);
  });

  it('render in both languages: every ICU message parses and fills its arguments', () => {
    const params = { days: 2, minutes: 1, seconds: 30, max: 5000, min: 10, weekly: 7, outstanding: 3, reason: 'spam', name: 'Acme', id: 4, method: 'GET', path: '/x', origin: 'string', minimum: 2, maximum: 9, keys: 'a, b', count: 2, handle: 'ana', megabytes: 10, megapixels: 40 };
    for (const locale of ['en', 'it'] as const) {
      for (const [key] of leaves(english)) {
        const text = errorText(locale, key as never, params);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
        expect(text, `${locale} ${key}`).not.toBe(key);
      }
    }
    expect(errorText('it', 'invitation_cooldown', { days: 1 })).toContain('1 giorno');
    expect(errorText('it', 'connection_limit.you', { max: 50_000 })).toContain('50.000');
  });
});
