import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../common/error-codes.ts';
import { AppError, badRequest, conflict } from './errors.ts';

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
    expect(badRequest('no_such_code', 'x').status).toBe(400);
    // @ts-expect-error email_taken is a 409, not a 400
    expect(badRequest('email_taken', 'x').code).toBe('email_taken');
    // @ts-expect-error the status must be the code's
    expect(new AppError(400, 'rate_limited', 'x').code).toBe('rate_limited');
    expect(conflict('email_taken', 'x').status).toBe(ERROR_CODES.email_taken.status);
  });
});
