import { inArray, sql } from 'drizzle-orm';
import { matchKey, organisationKey, slugify } from '../../common/text.ts';
import type { Tx } from '../db/connection.ts';
import { auditEvents, credentials, educations, experiences, memberSkills, members, organisations, profiles, skills } from '../db/schema.ts';
import { FIRST_MEMBER_LOCK } from '../commands/members/create-member.ts';
import { organisationDisplayName, resolveOrganisation } from '../commands/organisations.ts';
import { changedFields, profileScalars } from '../commands/profile/update-profile.ts';
import { refreshSearchDocuments } from '../commands/search-document.ts';
import { recordEvent } from '../events/record.ts';
import type { ProfilePatch } from '../../common/schemas/profile.ts';

/**
 * Writing an import's new members set-based: what createMember followed by updateProfile writes for each
 * person (member, credentials, profile, skills, positions, schools, search row, audit entry, the
 * member.joined and profile.changed events), in a few statements per batch instead of about thirty-five
 * per person. The rows are the same; only the number of round trips differs (docs/performance.md).
 *
 * The caller has already created every organisation and skill the people name (importPeople does, up front).
 */

/** What is written of a person (people.ts's ImportPerson, which this file cannot import without a cycle). */
interface ImportPerson {
  /** `file:line`, for messages. */
  source: string;
  email: string;
  name: string;
  createdAt?: Date;
  patch: ProfilePatch;
}

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters with the widest table here. */
const ROWS_PER_INSERT = 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Ids of the organisations and skills an import's people name, looked up once for the whole import. */
export interface ImportRefs {
  /** organisationKey → id, following a merge as resolveOrganisation does. */
  organisationIdByKey: Map<string, number>;
  /** matchKey → skill id. */
  skillIdByKey: Map<string, number>;
}

export async function loadImportRefs(tx: Tx, people: readonly ImportPerson[]): Promise<ImportRefs> {
  const orgKeys = new Set<string>();
  const skillKeys = new Set<string>();
  for (const p of people) {
    for (const e of p.patch.experience ?? []) orgKeys.add(organisationKey(organisationDisplayName(e.organisation)));
    for (const e of p.patch.education ?? []) orgKeys.add(organisationKey(organisationDisplayName(e.school)));
    for (const s of p.patch.skills ?? []) {
      const key = matchKey(s);
      if (key) skillKeys.add(key);
    }
  }
  const organisationIdByKey = new Map<string, number>();
  for (const keys of chunks([...orgKeys], ROWS_PER_INSERT)) {
    const found = await tx
      .select({ id: organisations.id, nameKey: organisations.nameKey, mergedInto: organisations.mergedInto })
      .from(organisations)
      .where(inArray(organisations.nameKey, keys));
    for (const f of found) organisationIdByKey.set(f.nameKey, f.mergedInto ?? f.id);
  }
  const skillIdByKey = new Map<string, number>();
  for (const keys of chunks([...skillKeys], ROWS_PER_INSERT)) {
    const found = await tx.select({ id: skills.id, nameKey: skills.nameKey }).from(skills).where(inArray(skills.nameKey, keys));
    for (const f of found) skillIdByKey.set(f.nameKey, f.id);
  }
  return { organisationIdByKey, skillIdByKey };
}

/** resolveOrganisation from the import's map, asking the database only for a name the map lacks. */
async function organisationId(tx: Tx, refs: ImportRefs, name: string, kind: 'company' | 'school'): Promise<number> {
  const key = organisationKey(organisationDisplayName(name));
  const known = refs.organisationIdByKey.get(key);
  if (known !== undefined) return known;
  const id = await resolveOrganisation(tx, name, kind);
  refs.organisationIdByKey.set(key, id);
  return id;
}

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await insert(chunk);
}

/**
 * Writes the rows of new members (none of whose addresses exists yet) in the caller's transaction, and
 * returns their ids in the order given; null when an address turned out to be taken, which the caller
 * handles person by person (createMember's conflict, with the person's source). The caller runs this in a
 * savepoint so that null (or an error) leaves nothing behind. Events are recorded separately
 * (recordNewMemberEvents), once the rows are known to stand.
 */
export async function writeNewMembers(tx: Tx, people: readonly ImportPerson[], passwordHash: string, refs: ImportRefs): Promise<number[] | null> {
  if (people.length === 0) return [];
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${FIRST_MEMBER_LOCK})`);
  const verifiedAt = new Date();
  const ids: number[] = new Array<number>(people.length);
  // createMember's handles: the name's slug, then -2 … -20, then a random suffix; each person gets the first
  // one free, in the file's order. Choosing them before inserting keeps the ids in the file's order too.
  const handleFor = (base: string, n: number) => (n === 1 ? base : `${base}-${n <= 20 ? n : Math.random().toString(36).slice(2, 8)}`);
  const bases = people.map((p) => slugify(p.name));
  const taken = new Set<string>();
  const candidates = [...new Set(bases.flatMap((base) => Array.from({ length: 20 }, (_, k) => handleFor(base, k + 1))))];
  for (const chunk of chunks(candidates, 5 * ROWS_PER_INSERT)) {
    for (const r of await tx.select({ handle: members.handle }).from(members).where(inArray(members.handle, chunk))) taken.add(r.handle);
  }
  const nextFree = (base: string, from: number) => {
    let n = from;
    while (n <= 20 && taken.has(handleFor(base, n))) n++;
    const handle = handleFor(base, n);
    taken.add(handle);
    return { n, handle };
  };
  // Whoever still meets a taken handle (a sign-up meanwhile, a random suffix that exists) tries the next one.
  let pending = bases.map((base, i) => ({ i, base, ...nextFree(base, 1) }));
  while (pending.length) {
    const inserted: { id: number; email: string }[] = [];
    await insertAll(pending, async (chunk) => {
      inserted.push(
        ...(await tx
          .insert(members)
          .values(
            chunk.map(({ i, handle }) => {
              const p = people[i]!;
              return {
                handle,
                email: p.email,
                role: 'member' as const,
                emailVerifiedAt: verifiedAt,
                ...(p.createdAt ? { createdAt: p.createdAt } : {}),
                // updateProfile stores a patch's language on the account.
                ...(p.patch.locale !== undefined ? { locale: p.patch.locale } : {}),
              };
            }),
          )
          .onConflictDoNothing()
          .returning({ id: members.id, email: members.email })),
      );
    });
    const idByEmail = new Map(inserted.map((r) => [r.email, r.id]));
    const next: typeof pending = [];
    for (const p of pending) {
      const id = idByEmail.get(people[p.i]!.email);
      if (id !== undefined) ids[p.i] = id;
      else next.push({ ...p, ...nextFree(p.base, p.n + 1) });
    }
    if (next.length) {
      const emailTaken = await tx.select({ id: members.id }).from(members).where(inArray(members.email, next.map((p) => people[p.i]!.email))).limit(1);
      if (emailTaken.length) return null;
    }
    pending = next;
  }

  await insertAll(ids, (chunk) => tx.insert(credentials).values(chunk.map((memberId) => ({ memberId, passwordHash }))));
  // createMember writes the name, then updateProfile the patch (its name included): written at once here.
  await insertAll(
    people.map((p, i) => ({ memberId: ids[i]!, ...profileScalars(p.patch), name: p.patch.name ?? p.name })),
    (chunk) => tx.insert(profiles).values(chunk),
  );

  const skillRows: (typeof memberSkills.$inferInsert)[] = [];
  const experienceRows: (typeof experiences.$inferInsert)[] = [];
  const educationRows: (typeof educations.$inferInsert)[] = [];
  for (const [i, p] of people.entries()) {
    const memberId = ids[i]!;
    if (p.patch.skills) {
      // resolveSkills: one per key, in the order given.
      const keys = [...new Set(p.patch.skills.map(matchKey).filter(Boolean))];
      const skillIds = keys.flatMap((k) => refs.skillIdByKey.get(k) ?? []);
      if (skillIds.length !== keys.length) throw new Error(`${p.source}: a skill was not created before its member`);
      skillRows.push(...skillIds.map((skillId, position) => ({ memberId, skillId, position })));
    }
    for (const [position, e] of (p.patch.experience ?? []).entries()) {
      experienceRows.push({
        memberId,
        organisationId: await organisationId(tx, refs, e.organisation, 'company'),
        organisationName: organisationDisplayName(e.organisation),
        title: e.title,
        startDate: `${e.startDate}-01`,
        endDate: e.endDate ? `${e.endDate}-01` : null,
        description: e.description,
        position,
      });
    }
    for (const [position, e] of (p.patch.education ?? []).entries()) {
      educationRows.push({
        memberId,
        organisationId: await organisationId(tx, refs, e.school, 'school'),
        organisationName: organisationDisplayName(e.school),
        degree: e.degree,
        startYear: e.startYear,
        endYear: e.endYear,
        position,
      });
    }
  }
  await insertAll(skillRows, (chunk) => tx.insert(memberSkills).values(chunk));
  await insertAll(experienceRows, (chunk) => tx.insert(experiences).values(chunk));
  await insertAll(educationRows, (chunk) => tx.insert(educations).values(chunk));
  // One search row per member from the finished profile; createMember's own refresh, from the name alone,
  // also added that name's words to the vocabulary.
  await refreshSearchDocuments(tx, ids, people.map((p) => p.name));
  await insertAll(ids, (chunk) =>
    tx.insert(auditEvents).values(
      chunk.map((id) => ({ actorId: id, action: 'member.signup' as const, subjectType: 'member', subjectId: String(id), data: { role: 'member' }, ip: null })),
    ),
  );
  return ids;
}

/** The events createMember and updateProfile record for each new member, in the same order. */
export async function recordNewMemberEvents(tx: Tx, people: readonly ImportPerson[], ids: readonly number[]): Promise<void> {
  for (const [i, p] of people.entries()) {
    const id = ids[i]!;
    await recordEvent(tx, { kind: 'member.joined', actorId: id, subjectId: id, data: { role: 'member' } });
    const fields = Object.keys(p.patch).length ? changedFields(p.patch) : [];
    if (fields.length) await recordEvent(tx, { kind: 'profile.changed', actorId: id, subjectId: id, data: { fields } });
  }
}
