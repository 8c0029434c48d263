/** LinkedIn's Connections.csv: one contact per connection, with when we connected. */
import type { Readable } from 'node:stream';
import { type FileContext, dateCell, firstSighting } from '../context.ts';
import { readCsvTable } from '../csv-rows.ts';
import { cleanText, compact, joinName, normaliseEmail, normaliseUrl, personKey, unique } from '../people.ts';
import { LINKEDIN_KINDS } from './headers.ts';

export async function readConnections(bytes: Readable, ctx: FileContext): Promise<void> {
  const seen = new Set<string>();
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.connections.isHeader }, async (row) => {
    const firstName = cleanText(row.get('First Name'));
    const lastName = cleanText(row.get('Last Name'));
    const name = joinName(firstName, lastName);
    if (name === '') {
      ctx.sink.issue({ file: ctx.file, line: row.line, code: 'missing_name' });
      return;
    }
    const person = compact({
      name,
      firstName,
      lastName,
      emails: unique([normaliseEmail(row.get('Email Address'))]),
      phones: [],
      urls: unique([normaliseUrl(row.get('URL'))]),
      organisation: cleanText(row.get('Company')),
      title: cleanText(row.get('Position')),
      connectedOn: dateCell(ctx, row, 'Connected On'),
    });
    if (!firstSighting(ctx, seen, personKey(person), row.line)) return;
    await ctx.sink.record({ kind: 'contact', source: 'linkedin', at: { file: ctx.file, line: row.line }, person });
  });
}
