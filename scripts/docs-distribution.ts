import { readFileSync, writeFileSync } from 'node:fs';
import { withDistributionTable } from './docs/distribution-table.ts';

/** `npm run docs:distribution`: rewrites the table of where each table lives on Citus in docs/scaling.md (server/db/distribution.ts). */
const path = 'docs/scaling.md';
const before = readFileSync(path, 'utf8');
const after = withDistributionTable(before);
if (after === before) {
  console.log(`${path}: the distribution table is up to date.`);
} else {
  writeFileSync(path, after);
  console.log(`${path}: distribution table rewritten.`);
}
