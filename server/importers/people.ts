import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { LIMITS } from '../../common/limits.ts';
import { requiredLine } from '../../common/schemas/primitives.ts';
import { type ExperienceInput, type ProfilePatch, profilePatch } from '../../common/schemas/profile.ts';
import { matchKey, organisationKey } from '../../common/text.ts';
import { hashPassword } from '../auth/password.ts';
import type { Database, Tx } from '../db/connection.ts';
import { members, organisations } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { createMember } from '../commands/members/create-member.ts';
import { organisationDisplayName, resolveOrganisation, resolveSkills } from '../commands/organisations.ts';
import { updateProfile } from '../commands/profile/update-profile.ts';
import { type ProfileData, loadProfiles } from '../queries/profiles.ts';
import { type ImportConnection, connectImported } from './connections.ts';
import { type ImportIssue, ImportValidationError, zodMessages } from './issues.ts';
import { type ImportRefs, loadImportRefs, recordNewMemberEvents, writeNewMembers } from './new-members.ts';

/** An organisation an import knows more about than a typed name: its kind and its id in the source. */
export interface OrganisationHint {
  name: string;
  kind: 'company' | 'school' | 'other';
  externalRef: string | null;
}

/** One validated person, ready to be written through createMember + updateProfile. */
export interface ImportPerson {
  /** Where the person came from, `file:line`, for errors raised while writing. */
  source: string;
  email: string;
  name: string;
  createdAt?: Date;
  /** Already parsed by the profilePatch schema, so the API's validation rules applied. */
  patch: ProfilePatch;
  /**
   * When set, a re-import adds this position to the member's experience (unless they already list the
   * organisation) instead of replacing the whole list: a CSV row knows one job, not a career.
   */
  mergeExperience?: boolean;
}

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
  /** Already up to date: matched by email and nothing in the source differs. */
  unchanged: number;
  organisationsCreated: number;
  /** New connections between imported people (pairs already connected or blocked are skipped). */
  connectionsCreated: number;
  /** True when the import created the very first members: none of them is made operator. */
  noOperator: boolean;
  ms: number;
}

export interface ImportOptions {
  publicUrl: string;
  /** scrypt cost for the unusable password; tests lower it like the rest of the config. */
  scryptLogN: number;
  /** Overrides the random unusable password (the demo uses one documented password). */
  passwordHash?: string;
  organisations?: OrganisationHint[];
  /** Connections between people of this import, made in the same transaction once they all exist. */
  connections?: ImportConnection[];
  onProgress?: (done: number, total: number) => void;
  onConnectProgress?: (done: number, total: number) => void;
}

const NAME = requiredLine(LIMITS.nameMax);

/** Validates a profile patch, turning zod's issues into import issues at the person's location. */
export function parsePatch(
  input: unknown,
  at: { file: string; line: number },
  rename?: (path: string) => string,
): { patch: ProfilePatch | null; issues: ImportIssue[] } {
  const parsed = profilePatch.safeParse(input);
  if (parsed.success) return { patch: parsed.data, issues: [] };
  return { patch: null, issues: zodMessages(parsed.error, rename).map((message) => ({ ...at, message })) };
}

/** Shortens text to max characters at a word boundary where one is near, so limits never reject source data. */
export function clip(value: string, max: number): string {
  const t = value.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  // Never between the two halves of a surrogate pair: half an emoji is not text, and the rules refuse it.
  const cut = t.slice(0, /[\uD800-\uDBFF]/.test(t.charAt(max - 1)) ? max - 1 : max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Resolves every organisation up front (with kind and source id), so per-person writes only find them. */
async function resolveOrganisations(tx: Tx, hints: OrganisationHint[]): Promise<number> {
  const byKey = new Map<string, OrganisationHint>();
  for (const h of hints) {
    const key = organisationKey(organisationDisplayName(h.name));
    if (key && !byKey.has(key)) byKey.set(key, h);
  }
  const existing = new Set<string>();
  for (const keys of chunks([...byKey.keys()], 1000)) {
    const found = await tx.select({ nameKey: organisations.nameKey }).from(organisations).where(inArray(organisations.nameKey, keys));
    for (const f of found) existing.add(f.nameKey);
  }
  let created = 0;
  for (const [key, h] of byKey) {
    if (existing.has(key)) continue;
    await resolveOrganisation(tx, h.name, h.kind, h.externalRef);
    created++;
  }
  return created;
}

/** The current month as YYYY-MM: the start of a position whose real start the source does not know. */
export function currentMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

function toExperienceInput(e: ProfileData['experience'][number]): ExperienceInput {
  return { organisation: e.organisationName, title: e.title, startDate: e.startDate, endDate: e.endDate, description: e.description };
}

/** A CSV position joins the member's existing experience unless they already list that organisation. */
function mergedExperience(current: ProfileData, incoming: ExperienceInput[]): ExperienceInput[] | undefined {
  const existing = current.experience.map(toExperienceInput);
  const known = new Set(existing.map((e) => organisationKey(e.organisation)));
  const added = incoming.filter((e) => !known.has(organisationKey(e.organisation)));
  if (added.length === 0) return undefined;
  return [...added, ...existing].slice(0, LIMITS.experienceMax);
}

const SCALAR_FIELDS = [
  'headline', 'about', 'location', 'industry', 'function', 'careerStage', 'birthYear', 'visibility', 'links', 'offers', 'asks',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** True when applying the patch would change nothing, so a repeated import can skip the member entirely. */
export function patchChangesNothing(current: ProfileData, name: string, patch: ProfilePatch): boolean {
  if (current.name !== name) return false;
  for (const field of SCALAR_FIELDS) {
    if (patch[field] !== undefined && !same(patch[field], current[field])) return false;
  }
  // Skills are stored once per key (resolveSkills drops repeats), so compare the distinct keys.
  const skillKeys = (names: string[]) => [...new Set(names.map(matchKey).filter(Boolean))];
  if (patch.skills && !same(skillKeys(patch.skills), skillKeys(current.skills))) return false;
  // Organisations compare as spelt: a source that fixes a spelling updates the member's own spelling.
  if (patch.experience && !same(patch.experience, current.experience.map(toExperienceInput))) return false;
  if (patch.education) {
    const mine = patch.education.map((e) => [e.school, e.degree, e.startYear, e.endYear]);
    const theirs = current.education.map((e) => [e.schoolName, e.degree, e.startYear, e.endYear]);
    if (!same(mine, theirs)) return false;
  }
  return true;
}

/** New members per set-based write: big enough to amortise the statements, small enough for one JSON parameter. */
const NEW_MEMBER_BATCH = 500;

/**
 * Creates new members as createMember + updateProfile would, set-based (new-members.ts) inside a savepoint.
 * Should that fail (an address taken meanwhile, a row the database refuses), the savepoint is rolled back
 * and the batch goes through the commands one person at a time, which report the person at fault.
 */
async function createNewMembers(tx: Tx, people: ImportPerson[], passwordHash: string, refs: ImportRefs, publicUrl: string): Promise<number[]> {
  await tx.execute(sql`SAVEPOINT import_new_members`);
  let ids: number[] | null = null;
  try {
    ids = await writeNewMembers(tx, people, passwordHash, refs);
  } catch {
    ids = null;
  }
  if (ids) {
    await tx.execute(sql`RELEASE SAVEPOINT import_new_members`);
    await recordNewMemberEvents(tx, people, ids);
    return ids;
  }
  await tx.execute(sql`ROLLBACK TO SAVEPOINT import_new_members`);
  const one: number[] = [];
  for (const p of people) {
    try {
      const member = await createMember(
        tx,
        { email: p.email, name: p.name, passwordHash, emailVerified: true, createdAt: p.createdAt, mayBecomeOperator: false },
        publicUrl,
      );
      // createMember already wrote the name and the search row: an empty patch (graph nodes) adds nothing.
      if (Object.keys(p.patch).length) await updateProfile(tx, member.id, p.patch);
      one.push(member.id);
    } catch (err) {
      throw new Error(`${p.source}: ${(err as Error).message}`, { cause: err });
    }
  }
  return one;
}

/**
 * Writes validated people through the same commands as the API, in ONE transaction: either every person
 * is created or updated, or (on any error) nothing is. Members are matched by email, so importing the same
 * file twice creates nobody the second time and refreshes the profiles instead. Imported members get an
 * unusable random password and a verified address; they claim the account by resetting the password.
 * Connections given in the options are made in the same transaction, once every person exists.
 * Afterwards the database is vacuumed and analysed (PGlite never autovacuums).
 */
export async function importPeople(database: Database, given: ImportPerson[], options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const seen = new Map<string, string>();
  const problems: ImportIssue[] = [];
  // Every reader already checks names; checking here too means no source (the demo included) writes a
  // name the sign-up form would refuse, and each is stored in the same normalised form.
  const people = given.map((p) => {
    const name = NAME.safeParse(p.name);
    if (!name.success) {
      const [file, line] = splitSource(p.source);
      problems.push(...zodMessages(name.error, () => 'name').map((message) => ({ file, line, message })));
    }
    return name.success ? { ...p, name: name.data } : p;
  });
  for (const p of people) {
    const previous = seen.get(p.email);
    if (previous) {
      const [file, line] = splitSource(p.source);
      problems.push({ file, line, message: `email: ${p.email} is already used at ${previous}` });
    } else seen.set(p.email, p.source);
  }
  if (problems.length) throw new ImportValidationError(problems);

  // One hash for the whole import: scrypt is deliberately slow, and nobody can know the secret anyway.
  const passwordHash = options.passwordHash ?? (await hashPassword(randomBytes(32).toString('base64url'), options.scryptLogN));
  const result = await inTransaction(database.db, async (tx) => {
    const existing = new Map<string, number>();
    for (const emails of chunks(people.map((p) => p.email), 1000)) {
      const found = await tx.select({ id: members.id, email: members.email }).from(members).where(inArray(members.email, emails));
      for (const f of found) existing.set(f.email, f.id);
    }
    const [anyMember] = await tx.select({ id: members.id }).from(members).limit(1);
    const hints: OrganisationHint[] = [...(options.organisations ?? [])];
    const skillNames = new Set<string>();
    for (const p of people) {
      for (const e of p.patch.experience ?? []) hints.push({ name: e.organisation, kind: 'company', externalRef: null });
      for (const e of p.patch.education ?? []) hints.push({ name: e.school, kind: 'school', externalRef: null });
      for (const s of p.patch.skills ?? []) skillNames.add(s);
    }
    const organisationsCreated = await resolveOrganisations(tx, hints);
    for (const names of chunks([...skillNames], 1000)) await resolveSkills(tx, names);

    const current = new Map<number, ProfileData>();
    for (const ids of chunks([...existing.values()], 500)) {
      for (const profile of await loadProfiles(tx, ids)) current.set(profile.id, profile);
    }

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let done = 0;
    const advance = (n: number) => {
      for (let k = 0; k < n; k++) {
        done++;
        if (done % 50 === 0 || done === people.length) options.onProgress?.(done, people.length);
      }
    };
    const idByEmail = new Map(existing);
    const refs = await loadImportRefs(tx, people);
    // New members are written set-based, a batch at a time (new-members.ts); people already here one by one.
    let fresh: ImportPerson[] = [];
    const writeFresh = async () => {
      const batch = fresh;
      fresh = [];
      for (const [i, id] of (await createNewMembers(tx, batch, passwordHash, refs, options.publicUrl)).entries()) idByEmail.set(batch[i]!.email, id);
      created += batch.length;
      advance(batch.length);
    };
    for (const p of people) {
      const id = existing.get(p.email);
      if (id === undefined) {
        fresh.push(p);
        if (fresh.length === NEW_MEMBER_BATCH) await writeFresh();
        continue;
      }
      try {
        let patch = p.patch;
        const profile = current.get(id);
        if (profile && p.mergeExperience && patch.experience) {
          const { experience, ...rest } = patch;
          const merged = mergedExperience(profile, experience);
          patch = merged ? { ...rest, experience: merged } : rest;
        }
        if (profile && patchChangesNothing(profile, p.name, patch)) {
          unchanged++;
        } else {
          await updateProfile(tx, id, { name: p.name, ...patch });
          updated++;
        }
      } catch (err) {
        throw new Error(`${p.source}: ${(err as Error).message}`, { cause: err });
      }
      advance(1);
    }
    if (fresh.length) await writeFresh();
    const connected = options.connections?.length
      ? await connectImported(tx, idByEmail, options.connections, options.onConnectProgress)
      : { connected: 0 };
    return { created, updated, unchanged, organisationsCreated, connectionsCreated: connected.connected, noOperator: !anyMember && created > 0 };
  });
  if (result.created + result.updated + result.connectionsCreated > 0) await database.vacuumAnalyze();
  return { total: people.length, ...result, ms: Math.round(performance.now() - started) };
}

function splitSource(source: string): [string, number] {
  const at = source.lastIndexOf(':');
  return [source.slice(0, at), Number(source.slice(at + 1))];
}

/** What a reader produces: people ready to import, or the problems that stop the import. */
export interface ReadResult {
  people: ImportPerson[];
  issues: ImportIssue[];
  organisations?: OrganisationHint[];
  /** Connections between the people read (LDBC knows), by address. */
  connections?: ImportConnection[];
}

/** Imports what a reader produced, or throws ImportValidationError (writing nothing) when it found problems. */
export async function importRead(database: Database, read: ReadResult, options: ImportOptions): Promise<ImportResult> {
  if (read.issues.length) throw new ImportValidationError(read.issues);
  return importPeople(database, read.people, {
    ...options,
    organisations: [...(options.organisations ?? []), ...(read.organisations ?? [])],
    connections: [...(options.connections ?? []), ...(read.connections ?? [])],
  });
}
