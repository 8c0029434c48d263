import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../common/error-codes.ts';

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
