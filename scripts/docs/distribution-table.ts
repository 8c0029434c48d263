import { DISTRIBUTION, type Distribution, type Rule } from '../../server/db/distribution.ts';

/** The markers around the generated table in docs/scaling.md; everything between them is rewritten. */
export const TABLE_START = '<!-- distribution:start (generated from server/db/distribution.ts by `npm run docs:distribution`; do not edit) -->';
export const TABLE_END = '<!-- distribution:end -->';

const RULE_LABEL: Record<Rule, string> = { 'key-column': 'key', 'primary-key': 'PK', unique: 'unique', 'foreign-key': 'FK' };
const ORDER = { distributed: 0, reference: 1, local: 2 } as const;

/** A migration's text with `<key>` (the table's distribution column) and `<key:t>` (table t's) filled in. */
export function fillKeys(text: string, table: string, plan: Distribution = DISTRIBUTION): string {
  return text.replace(/<key(?::([a-z_]+))?>/g, (_, other: string | undefined) => {
    const p = plan[other ?? table];
    if (p?.kind !== 'distributed') throw new Error(`${table}: <key${other ? `:${other}` : ''}> names no distributed table`);
    return p.key;
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The plan as a Markdown table: distributed tables first (by group and key), then reference, then local. */
export function renderDistributionTable(plan: Distribution = DISTRIBUTION): string {
  const rows = Object.entries(plan)
    .sort(([a, p], [b, q]) => ORDER[p.kind] - ORDER[q.kind] || a.localeCompare(b))
    .map(([table, p]) => {
      const placement = p.kind === 'distributed' ? (p.group === 'conversation' ? 'distributed (conversations)' : 'distributed') : p.kind;
      const key = p.kind === 'distributed' ? `\`${p.key}\`` : '';
      const before = (p.exceptions ?? []).map((e) => `**${RULE_LABEL[e.rule]}** ${e.subject}: ${fillKeys(e.migration, table, plan)}`).join('<br>');
      return `| \`${table}\` | ${placement} | ${key} | ${cell(p.why)} | ${cell(before) || 'ready'} |`;
    });
  return ['| table | placement | key | why | before Citus (rule, columns: migration) |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The document with the table between its markers replaced by the current one; throws when a marker is missing. */
export function withDistributionTable(markdown: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/scaling.md must contain the markers\n${TABLE_START}\n${TABLE_END}`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n${renderDistributionTable()}\n${markdown.slice(end)}`;
}
