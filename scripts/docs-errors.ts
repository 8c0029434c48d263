import { readFileSync, writeFileSync } from 'node:fs';
import { withErrorTable } from './docs/error-table.ts';

/** `npm run docs:errors`: rewrites the error-code table in docs/api.md from the catalogue (common/error-codes.ts). */
const path = 'docs/api.md';
const before = readFileSync(path, 'utf8');
const after = withErrorTable(before);
if (after === before) {
  console.log(`${path}: the error-code table is up to date.`);
} else {
  writeFileSync(path, after);
  console.log(`${path}: error-code table rewritten.`);
}
