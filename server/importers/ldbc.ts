import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LIMITS } from '../../common/limits.ts';
import { email as emailSchema } from '../../common/schemas/primitives.ts';
import { matchKey } from '../../common/text.ts';
import type { ImportConnection } from './connections.ts';
import type { ImportIssue } from './issues.ts';
import { type ImportPerson, type OrganisationHint, clip, parsePatch } from './people.ts';
import { CompressedFileError, readTextFile, withoutGz } from './read-text.ts';

/**
 * Reader for the LDBC Social Network Benchmark's Neo4j-style CSV (pipe-separated, typed headers such as
 * `id:ID(Person)` or `:START_ID(Person)`), as produced by LDBC DATAGEN. Only the person-centred files are
 * read: people, emails, places, organisations (work and study), interests and who knows whom
 * (as connections); the rest is ignored. Each file may be gzip-compressed (`person_0_0.csv.gz`).
 */

interface Table {
  file: string;
  /** Column index by key: `id:ID(Person)` → id, `:START_ID(Person)` → START_ID, `email` → email. */
  column: Map<string, number>;
  rows: { line: number; fields: string[] }[];
}

function columnKey(header: string): string {
  const [name = '', type = ''] = header.split(':');
  return name || type.replace(/\(.*$/, '');
}

/**
 * Reads every part of a table (`person_0_0.csv`, `person_1_0.csv`, ..., each plain or `.gz`); null when the
 * table is absent. A part present both ways is read once, from the plain file.
 */
async function readTable(dir: string, names: string[], base: string, issues: ImportIssue[], required: string[]): Promise<Table[] | null> {
  const pattern = new RegExp(`^${base}_\\d+_\\d+\\.csv(\\.gz)?$`);
  const byPart = new Map<string, string>();
  for (const name of names.filter((n) => pattern.test(n))) {
    const part = withoutGz(name);
    if (!byPart.has(part) || name === part) byPart.set(part, name);
  }
  if (byPart.size === 0) return null;
  const tables: Table[] = [];
  for (const file of [...byPart.values()].sort()) {
    let text: string;
    try {
      text = await readTextFile(join(dir, file));
    } catch (err) {
      if (!(err instanceof CompressedFileError)) throw err;
      issues.push({ file, line: 0, message: err.message });
      continue;
    }
    const lines = text.split(/\r?\n/);
    const header = (lines[0] ?? '').split('|');
    const column = new Map(header.map((h, i) => [columnKey(h), i]));
    const missing = required.filter((r) => !column.has(r));
    if (missing.length) {
      issues.push({ file, line: 1, message: `the header lacks ${missing.join(', ')}` });
      continue;
    }
    const width = Math.max(...required.map((r) => column.get(r)!)) + 1;
    const rows: Table['rows'] = [];
    for (let i = 1; i < lines.length; i++) {
      const text = lines[i]!;
      if (text === '') continue;
      const fields = text.split('|');
      if (fields.length < width) {
        issues.push({ file, line: i + 1, message: `expected at least ${width} fields, found ${fields.length}` });
        continue;
      }
      rows.push({ line: i + 1, fields });
    }
    tables.push({ file, column, rows });
  }
  return tables;
}

/** Iterates the rows of a table's parts with a field getter by column key. */
function* each(tables: Table[] | null): Generator<{ file: string; line: number; get: (key: string) => string }> {
  for (const t of tables ?? []) {
    for (const r of t.rows) yield { file: t.file, line: r.line, get: (key) => (r.fields[t.column.get(key)!] ?? '').trim() };
  }
}

const ID = /^\d+$/;

/** LDBC dates come as yyyyMMdd / yyyyMMddHHmmssSSS numbers, ISO strings, or epoch milliseconds. */
export function parseLdbcDate(value: string): Date | null {
  let m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})(\d{3}))?$/.exec(value);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
    const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms));
    return date.getUTCMonth() === +mo! - 1 && date.getUTCDate() === +d! ? date : null;
  }
  m = /^\d{4}-\d{2}-\d{2}/.exec(value);
  if (m) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (/^-?\d{10,13}$/.test(value)) return new Date(Number(value));
  return null;
}

const readable = (name: string) => name.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();

export interface LdbcData {
  people: ImportPerson[];
  organisations: OrganisationHint[];
  /** person_knows_person: who knows whom since when, as connections with origin "import". */
  connections: ImportConnection[];
  issues: ImportIssue[];
}

/**
 * Parses and validates an LDBC SNB directory into people ready for importPeople. Every problem is collected
 * (with file and line) so the operator sees them all at once; when there are any, nothing should be imported.
 */
export async function readLdbc(dir: string): Promise<LdbcData> {
  const names = await readdir(dir);
  const issues: ImportIssue[] = [];
  const persons = await readTable(dir, names, 'person', issues, ['id', 'firstName', 'lastName', 'birthday', 'creationDate']);
  if (!persons) {
    return { people: [], organisations: [], connections: [], issues: [{ file: dir, line: 0, message: 'no person_*_*.csv (or .csv.gz) file: is this an LDBC SNB directory?' }] };
  }
  const emails = await readTable(dir, names, 'person_email_emailaddress', issues, ['Person.id', 'email']);
  const located = await readTable(dir, names, 'person_isLocatedIn_place', issues, ['START_ID', 'END_ID']);
  const places = await readTable(dir, names, 'place', issues, ['id', 'name', 'LABEL']);
  const partOf = await readTable(dir, names, 'place_isPartOf_place', issues, ['START_ID', 'END_ID']);
  const orgs = await readTable(dir, names, 'organisation', issues, ['id', 'LABEL', 'name']);
  const workAt = await readTable(dir, names, 'person_workAt_organisation', issues, ['START_ID', 'END_ID', 'workFrom']);
  const studyAt = await readTable(dir, names, 'person_studyAt_organisation', issues, ['START_ID', 'END_ID', 'classYear']);
  const interests = await readTable(dir, names, 'person_hasInterest_tag', issues, ['START_ID', 'END_ID']);
  const tags = await readTable(dir, names, 'tag', issues, ['id', 'name']);
  const knows = await readTable(dir, names, 'person_knows_person', issues, ['START_ID', 'END_ID', 'creationDate']);

  interface Person {
    line: number;
    file: string;
    id: string;
    name: string;
    birthYear: number | null;
    createdAt: Date | null;
    email?: string;
    place?: string;
    work: { org: string; from: number }[];
    study: { org: string; year: number }[];
    tags: string[];
  }
  const byId = new Map<string, Person>();
  for (const r of each(persons)) {
    const at = { file: r.file, line: r.line };
    const id = r.get('id');
    if (!ID.test(id)) {
      issues.push({ ...at, message: `id: "${id}" is not a number` });
      continue;
    }
    if (byId.has(id)) {
      issues.push({ ...at, message: `id: person ${id} appears twice` });
      continue;
    }
    const birthday = r.get('birthday');
    const born = birthday ? parseLdbcDate(birthday) : null;
    if (birthday && !born) issues.push({ ...at, message: `birthday: "${birthday}" is not a date` });
    const created = parseLdbcDate(r.get('creationDate'));
    if (!created) issues.push({ ...at, message: `creationDate: "${r.get('creationDate')}" is not a date` });
    const name = `${r.get('firstName')} ${r.get('lastName')}`.trim();
    byId.set(id, { ...at, id, name, birthYear: born ? born.getUTCFullYear() : null, createdAt: created, work: [], study: [], tags: [] });
  }

  /** Looks up both ends of a relationship row, reporting unknown ids. */
  const link = <T>(r: { file: string; line: number; get: (k: string) => string }, targets: Map<string, T>, kind: string, startKey = 'START_ID') => {
    const person = byId.get(r.get(startKey));
    const target = targets.get(r.get('END_ID'));
    if (!person) issues.push({ file: r.file, line: r.line, message: `unknown person ${r.get(startKey)}` });
    else if (!target) issues.push({ file: r.file, line: r.line, message: `unknown ${kind} ${r.get('END_ID')}` });
    return person && target !== undefined ? { person, target } : null;
  };

  for (const r of each(emails)) {
    const person = byId.get(r.get('Person.id'));
    if (!person) {
      issues.push({ file: r.file, line: r.line, message: `unknown person ${r.get('Person.id')}` });
      continue;
    }
    const parsed = emailSchema.safeParse(r.get('email'));
    if (!parsed.success) issues.push({ file: r.file, line: r.line, message: `email: must be a valid email address` });
    else person.email ??= parsed.data;
  }

  const placeName = new Map<string, { name: string; label: string }>();
  for (const r of each(places)) placeName.set(r.get('id'), { name: readable(r.get('name')), label: r.get('LABEL') });
  const parentOf = new Map<string, string>();
  for (const r of each(partOf)) parentOf.set(r.get('START_ID'), r.get('END_ID'));
  const placeLabel = (id: string) => {
    const place = placeName.get(id)!;
    const parent = place.label === 'City' ? placeName.get(parentOf.get(id) ?? '') : undefined;
    return clip(parent ? `${place.name}, ${parent.name}` : place.name, LIMITS.locationMax);
  };
  for (const r of each(located)) {
    const hit = link(r, placeName, 'place');
    if (hit) hit.person.place = placeLabel(r.get('END_ID'));
  }

  const organisationById = new Map<string, OrganisationHint>();
  for (const r of each(orgs)) {
    const label = r.get('LABEL');
    const kind = label === 'Company' ? 'company' : label === 'University' ? 'school' : 'other';
    organisationById.set(r.get('id'), {
      name: clip(readable(r.get('name')), LIMITS.organisationNameMax),
      kind,
      externalRef: `ldbc:org:${r.get('id')}`,
    });
  }
  const year = (r: { file: string; line: number }, key: string, value: string) => {
    if (/^\d{4}$/.test(value)) return Number(value);
    issues.push({ ...r, message: `${key}: "${value}" is not a year` });
    return null;
  };
  for (const r of each(workAt)) {
    const hit = link(r, organisationById, 'organisation');
    const from = year(r, 'workFrom', r.get('workFrom'));
    if (hit && from !== null) hit.person.work.push({ org: r.get('END_ID'), from });
  }
  for (const r of each(studyAt)) {
    const hit = link(r, organisationById, 'organisation');
    const classYear = year(r, 'classYear', r.get('classYear'));
    if (hit && classYear !== null) hit.person.study.push({ org: r.get('END_ID'), year: classYear });
  }
  const tagName = new Map<string, string>();
  for (const r of each(tags)) tagName.set(r.get('id'), r.get('name'));
  for (const r of each(interests)) {
    const hit = link(r, tagName, 'tag');
    if (hit) hit.person.tags.push(hit.target);
  }

  const people: ImportPerson[] = [];
  const used = new Set<string>();
  for (const p of byId.values()) {
    const at = { file: p.file, line: p.line };
    if (!p.email) {
      issues.push({ ...at, message: `person ${p.id} has no email address` });
      continue;
    }
    const skills: string[] = [];
    const skillKeys = new Set<string>();
    for (const tag of p.tags) {
      const skill = clip(readable(tag), LIMITS.skillMax);
      const key = matchKey(skill);
      if (!key || skillKeys.has(key)) continue;
      skillKeys.add(key);
      skills.push(skill);
      if (skills.length === LIMITS.skillsMax) break;
    }
    const work = [...p.work].sort((a, b) => b.from - a.from).slice(0, LIMITS.experienceMax);
    const study = [...p.study].sort((a, b) => b.year - a.year).slice(0, LIMITS.educationMax);
    for (const w of work) used.add(w.org);
    for (const s of study) used.add(s.org);
    const { patch, issues: patchIssues } = parsePatch(
      {
        name: p.name,
        ...(p.place ? { location: p.place } : {}),
        birthYear: p.birthYear,
        skills,
        experience: work.map((w) => ({
          organisation: organisationById.get(w.org)!.name,
          title: 'Employee',
          startDate: `${w.from}-01`,
          endDate: null,
        })),
        education: study.map((s) => ({ school: organisationById.get(s.org)!.name, endYear: s.year })),
      },
      at,
    );
    issues.push(...patchIssues);
    if (!patch || !p.createdAt) continue;
    people.push({ source: `${p.file}:${p.line}`, email: p.email, name: patch.name ?? p.name, createdAt: p.createdAt, patch });
  }
  const organisations = [...used].map((id) => organisationById.get(id)!);
  return { people, organisations, connections: readKnows(knows, byId, issues), issues };
}

/**
 * Each knows row is one undirected edge with the date it was made (yyyyMMddHHmmssSSS), which becomes the
 * connection's date. An edge to a person the data set does not define is a problem like any other.
 */
function readKnows(knows: Table[] | null, byId: ReadonlyMap<string, { email?: string }>, issues: ImportIssue[]): ImportConnection[] {
  const connections: ImportConnection[] = [];
  for (const r of each(knows)) {
    const at = { file: r.file, line: r.line };
    const a = byId.get(r.get('START_ID'));
    const b = byId.get(r.get('END_ID'));
    const date = parseLdbcDate(r.get('creationDate'));
    if (!a || !b) issues.push({ ...at, message: `unknown person ${a ? r.get('END_ID') : r.get('START_ID')}` });
    else if (!date) issues.push({ ...at, message: `creationDate: "${r.get('creationDate')}" is not a date` });
    // A person without an address is already an issue of their own; the import stops on it.
    else if (a.email && b.email) connections.push({ a: a.email, b: b.email, atMs: date.getTime(), context: 'import', source: `${r.file}:${r.line}` });
  }
  return connections;
}
