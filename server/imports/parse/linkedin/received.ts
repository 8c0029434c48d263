/** What others gave the owner on LinkedIn (endorsements, recommendations) and the owner's private notes. */
import type { Readable } from 'node:stream';
import { type FileContext, dateCell } from '../context.ts';
import { readCsvTable } from '../csv-rows.ts';
import { cleanText, joinName, normaliseUrl } from '../people.ts';
import type { PersonRef } from '../../records.ts';
import { LINKEDIN_KINDS, NOTE_DATE, NOTE_NAME, NOTE_TEXT, NOTE_URL, pick } from './headers.ts';

/** Statuses the owner chose not to show; such rows are reported and left out. */
const NOT_SHOWN = new Set(['rejected', 'declined', 'hidden']);

function ref(name: string, url: string): PersonRef {
  const normalised = normaliseUrl(url);
  return normalised ? { name, url: normalised } : { name };
}

export async function readEndorsements(bytes: Readable, ctx: FileContext): Promise<void> {
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.endorsements.isHeader }, async (row) => {
    const at = { file: ctx.file, line: row.line };
    const name = joinName(row.get('Endorser First Name'), row.get('Endorser Last Name'));
    const skill = cleanText(row.get('Skill Name'));
    if (!name || !skill) return ctx.sink.issue({ ...at, code: name ? 'missing_skill' : 'missing_name' });
    if (NOT_SHOWN.has(row.get('Endorsement Status').toLowerCase())) return ctx.sink.issue({ ...at, code: 'not_shown' });
    const date = dateCell(ctx, row, 'Endorsement Date');
    await ctx.sink.record({ kind: 'endorsement_received', at, skill, endorser: ref(name, row.get('Endorser Public Url')), ...(date ? { date } : {}) });
  });
}

export async function readRecommendations(bytes: Readable, ctx: FileContext): Promise<void> {
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.recommendations.isHeader }, async (row) => {
    const at = { file: ctx.file, line: row.line };
    const name = joinName(row.get('First Name'), row.get('Last Name'));
    const text = row.get('Text');
    if (!name || !text) return ctx.sink.issue({ ...at, code: name ? 'missing_text' : 'missing_name' });
    if (NOT_SHOWN.has(row.get('Status').toLowerCase())) return ctx.sink.issue({ ...at, code: 'not_shown' });
    const organisation = cleanText(row.get('Company'));
    const title = cleanText(row.get('Job Title'));
    const date = dateCell(ctx, row, 'Creation Date');
    const author = { name, ...(organisation ? { organisation } : {}), ...(title ? { title } : {}) };
    await ctx.sink.record({ kind: 'recommendation_received', at, author, text, ...(date ? { date } : {}) });
  });
}

/**
 * Notes.csv is not in every archive and its columns are not documented, so any of these is accepted:
 * a name (`Name`, `Full Name`, `Contact Name`, or `First Name` + `Last Name`), a profile URL (`Profile URL`,
 * `URL`, `LinkedIn URL`, `Public Profile URL`), the note (`Note`, `Notes`, `Content`, `Text`) and a date
 * (`Date`, `Created At`, `Created On`, `Creation Date`). A row needs the note and a name or a URL.
 */
export async function readNotes(bytes: Readable, ctx: FileContext): Promise<void> {
  let columns: { text: string; name?: string; url?: string; date?: string } | null = null;
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.notes.isHeader }, async (row, headers) => {
    columns ??= { text: pick(headers, NOTE_TEXT)!, name: pick(headers, NOTE_NAME), url: pick(headers, NOTE_URL), date: pick(headers, NOTE_DATE) };
    const at = { file: ctx.file, line: row.line };
    const text = row.get(columns.text);
    const url = columns.url ? normaliseUrl(row.get(columns.url)) : null;
    const name = (columns.name ? cleanText(row.get(columns.name)) : undefined) || joinName(row.get('First Name'), row.get('Last Name')) || url?.split('/').pop() || '';
    if (!text.trim()) return ctx.sink.issue({ ...at, code: 'missing_text' });
    if (!name) return ctx.sink.issue({ ...at, code: 'missing_name' });
    const date = columns.date ? dateCell(ctx, row, columns.date) : undefined;
    await ctx.sink.record({ kind: 'note', at, person: url ? { name, url } : { name }, text, ...(date ? { date } : {}) });
  });
}
