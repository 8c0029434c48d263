import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { email as emailSchema, requiredLine } from '../../common/schemas/primitives.ts';
import { LIMITS } from '../../common/limits.ts';
import { CsvSyntaxError, parseCsv } from './csv-reader.ts';
import { type ImportIssue, zodMessages } from './issues.ts';
import { type ImportPerson, currentMonth, parsePatch } from './people.ts';

export const CSV_COLUMNS = ['email', 'name', 'headline', 'organisation', 'title', 'location', 'skills'] as const;

const nameSchema = requiredLine(LIMITS.nameMax);

const oneLine = (field: string) => field.replace(/\s+/g, ' ').trim();

/** Maps profilePatch paths back onto the CSV's column names. */
function columnOf(path: string): string {
  if (path.startsWith('experience.0.organisation')) return 'organisation';
  if (path.startsWith('experience.0.title')) return 'title';
  if (path.startsWith('skills')) return 'skills';
  return path;
}

/**
 * Parses and validates a people CSV (header `email,name,headline,organisation,title,location,skills`,
 * skills separated by `;`). Returns every problem found, each with its line, rather than stopping at the first.
 * Empty cells mean "unknown": they never clear what a member already has on re-import.
 */
export function parsePeopleCsv(text: string, file: string, now = new Date()): { people: ImportPerson[]; issues: ImportIssue[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { people: [], issues: [{ file, line: err.line, message: err.message }] };
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) return { people: [], issues: [{ file, line: 1, message: 'the file is empty' }] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  if (columns.join(',') !== CSV_COLUMNS.join(',')) {
    return { people: [], issues: [{ file, line: header.line, message: `the header must be exactly: ${CSV_COLUMNS.join(',')}` }] };
  }
  if (rows.length === 0) return { people: [], issues: [{ file, line: header.line, message: 'no people after the header' }] };

  const people: ImportPerson[] = [];
  const issues: ImportIssue[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, fields } of rows) {
    const at = { file, line };
    if (fields.length !== CSV_COLUMNS.length) {
      issues.push({ ...at, message: `expected ${CSV_COLUMNS.length} fields, found ${fields.length}` });
      continue;
    }
    // Every column is one line of text; a spreadsheet cell's line breaks and tabs are spacing, not content.
    const [rawEmail, rawName, headline, organisation, title, location, skills] = fields.map(oneLine) as [
      string, string, string, string, string, string, string,
    ];
    const rowIssues: string[] = [];
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) rowIssues.push(...zodMessages(email.error, () => 'email'));
    const name = nameSchema.safeParse(rawName);
    if (!name.success) rowIssues.push(...zodMessages(name.error, () => 'name'));
    if (organisation && !title) rowIssues.push('title: is required when organisation is given');
    if (title && !organisation) rowIssues.push('organisation: is required when title is given');

    const input: Record<string, unknown> = {};
    if (headline) input.headline = headline;
    if (location) input.location = location;
    const skillList = skills.split(';').map((s) => s.trim()).filter(Boolean);
    if (skillList.length) input.skills = skillList;
    if (organisation && title) input.experience = [{ organisation, title, startDate: currentMonth(now) }];
    const { patch, issues: patchIssues } = parsePatch(input, at, columnOf);
    rowIssues.push(...patchIssues.map((i) => i.message));

    if (email.success) {
      const previous = firstLine.get(email.data);
      if (previous !== undefined) rowIssues.push(`email: ${email.data} already appears on line ${previous}`);
      else firstLine.set(email.data, line);
    }
    if (rowIssues.length || !email.success || !name.success || !patch) {
      issues.push(...rowIssues.map((message) => ({ ...at, message })));
      continue;
    }
    people.push({ source: `${file}:${line}`, email: email.data, name: name.data, patch, mergeExperience: true });
  }
  return { people, issues };
}

/** Reads a people CSV from disk; issues name the file by its base name. */
export async function readPeopleCsv(path: string): Promise<{ people: ImportPerson[]; issues: ImportIssue[] }> {
  return parsePeopleCsv(await readFile(path, 'utf8'), basename(path));
}
