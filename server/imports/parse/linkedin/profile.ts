/** The archive owner's own data: Profile.csv, Positions.csv, Education.csv and Skills.csv. */
import type { Readable } from 'node:stream';
import { type FileContext, dateCell, firstSighting } from '../context.ts';
import { readCsvTable } from '../csv-rows.ts';
import { cleanText, compact, joinName, unique } from '../people.ts';
import { LINKEDIN_KINDS } from './headers.ts';

/** Reads the profile (its first data row) and returns the owner's name, so interactions leave them out. */
export async function readProfile(bytes: Readable, ctx: FileContext): Promise<string | null> {
  let owner: string | null = null;
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.profile.isHeader }, async (row) => {
    const firstName = cleanText(row.get('First Name'));
    const lastName = cleanText(row.get('Last Name'));
    owner = joinName(firstName, lastName) || null;
    // Websites reads like `[PERSONAL:https://a.example,COMPANY:https://b.example]`; only the URLs matter.
    const websites = unique(row.get('Websites').match(/https?:\/\/[^\s,\]]+/gi) ?? []);
    const profile = compact({
      firstName,
      lastName,
      headline: cleanText(row.get('Headline')),
      summary: row.get('Summary') || undefined,
      location: cleanText(row.get('Geo Location')),
      industry: cleanText(row.get('Industry')),
      websites,
    });
    await ctx.sink.record({ kind: 'profile', at: { file: ctx.file, line: row.line }, profile });
    return false;
  });
  return owner;
}

export async function readPositions(bytes: Readable, ctx: FileContext): Promise<void> {
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.positions.isHeader }, async (row) => {
    const organisation = cleanText(row.get('Company Name'));
    if (!organisation) {
      ctx.sink.issue({ file: ctx.file, line: row.line, code: 'missing_organisation' });
      return;
    }
    const position = compact({
      organisation,
      title: cleanText(row.get('Title')),
      description: row.get('Description') || undefined,
      location: cleanText(row.get('Location')),
      startedOn: dateCell(ctx, row, 'Started On'),
      finishedOn: dateCell(ctx, row, 'Finished On'),
    });
    await ctx.sink.record({ kind: 'position', at: { file: ctx.file, line: row.line }, position });
  });
}

export async function readEducation(bytes: Readable, ctx: FileContext): Promise<void> {
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.education.isHeader }, async (row) => {
    const school = cleanText(row.get('School Name'));
    if (!school) {
      ctx.sink.issue({ file: ctx.file, line: row.line, code: 'missing_school' });
      return;
    }
    const education = compact({
      school,
      degree: cleanText(row.get('Degree Name')),
      startedOn: dateCell(ctx, row, 'Start Date'),
      finishedOn: dateCell(ctx, row, 'End Date'),
      notes: row.get('Notes') || undefined,
      activities: row.get('Activities') || undefined,
    });
    await ctx.sink.record({ kind: 'education', at: { file: ctx.file, line: row.line }, education });
  });
}

export async function readSkills(bytes: Readable, ctx: FileContext): Promise<void> {
  const seen = new Set<string>();
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.skills.isHeader }, async (row) => {
    const name = cleanText(row.get('Name'));
    if (!name) return;
    if (!firstSighting(ctx, seen, name.toLowerCase(), row.line)) return;
    await ctx.sink.record({ kind: 'skill', at: { file: ctx.file, line: row.line }, name });
  });
}
