import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../../common/error-codes.ts';
import { renderErrorTable, withErrorTable } from './error-table.ts';

it('docs/api.md carries the current error-code table (run `npm run docs:errors` when this fails)', () => {
  const doc = readFileSync('docs/api.md', 'utf8');
  expect(withErrorTable(doc)).toBe(doc);
});

it('lists every code of the catalogue once, with its status', () => {
  const table = renderErrorTable();
  for (const [code, { status }] of Object.entries(ERROR_CODES)) {
    expect(table.split('\n').filter((row) => row.startsWith(`| \`${code}\` | ${status} |`))).toHaveLength(1);
  }
});
