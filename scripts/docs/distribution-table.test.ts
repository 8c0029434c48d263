import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DISTRIBUTION } from '../../server/db/distribution.ts';
import { fillKeys, renderDistributionTable, withDistributionTable } from './distribution-table.ts';

it('docs/scaling.md carries the current distribution table (run `npm run docs:distribution` when this fails)', () => {
  const doc = readFileSync('docs/scaling.md', 'utf8');
  expect(withDistributionTable(doc)).toBe(doc);
});

it('lists every table once, with its placement, and every exception', () => {
  const rows = renderDistributionTable().split('\n');
  for (const [table, p] of Object.entries(DISTRIBUTION)) {
    const mine = rows.filter((row) => row.startsWith(`| \`${table}\` | ${p.kind}`));
    expect(mine, table).toHaveLength(1);
    for (const e of p.exceptions ?? []) expect(mine[0], `${table} ${e.subject}`).toContain(`${e.subject}: `);
  }
});

it('fills in the keys a migration names, and refuses a table that has none', () => {
  expect(fillKeys('foreign key (<key>, post_id) → posts(<key:posts>, id)', 'comments')).toBe('foreign key (post_author_id, post_id) → posts(author_id, id)');
  expect(() => fillKeys('(<key:jobs>)', 'comments')).toThrow(/jobs/);
});
