import { ERROR_CODES } from '../../common/error-codes.ts';

/** The markers around the generated table in docs/api.md; everything between them is rewritten. */
export const TABLE_START = '<!-- error-codes:start (generated from common/error-codes.ts by `npm run docs:errors`; do not edit) -->';
export const TABLE_END = '<!-- error-codes:end -->';

/** The catalogue as a Markdown table, by status and then in the catalogue's own order. */
export function renderErrorTable(): string {
  const rows = Object.entries(ERROR_CODES)
    .map(([code, { status, meaning }], order) => ({ code, status, meaning, order }))
    .sort((a, b) => a.status - b.status || a.order - b.order)
    .map(({ code, status, meaning }) => `| \`${code}\` | ${status} | ${meaning.replace(/\|/g, '\\|')} |`);
  return ['| code | status | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The document with the table between its markers replaced by the current one; throws when a marker is missing. */
export function withErrorTable(markdown: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/api.md must contain the markers\n${TABLE_START}\n${TABLE_END}`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n${renderErrorTable()}\n${markdown.slice(end)}`;
}
