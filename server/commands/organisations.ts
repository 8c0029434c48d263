import { eq, inArray, sql } from 'drizzle-orm';
import { matchKey, normaliseText, organisationKey, slugify } from '../../common/text.ts';
import { type DbOrTx, type Tx, rows } from '../db/connection.ts';
import { organisations, skills } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { recordEvent } from '../events/record.ts';
import { recordAudit } from './audit.ts';

/** The display form of a typed organisation name: NFC, trimmed, inner spacing collapsed. */
export const organisationDisplayName = (name: string) => normaliseText(name).replace(/\s+/g, ' ');

/**
 * Finds the organisation a typed name refers to, creating it on first use. Matching ignores case, accents
 * and spacing but not symbols (organisationKey), so "ÁCME  Corp" finds "Acme Corp" while "C++ Users" and
 * "C# Users" stay two organisations. A name whose organisation an operator merged leads to the one it
 * became. The caller stores the member's own spelling beside the id.
 */
export async function resolveOrganisation(
  tx: DbOrTx,
  name: string,
  kind: 'company' | 'school' | 'other' = 'other',
  externalRef: string | null = null,
): Promise<number> {
  const displayName = organisationDisplayName(name);
  const nameKey = organisationKey(displayName);
  const byKey = async () => {
    const [found] = await tx
      .select({ id: organisations.id, mergedInto: organisations.mergedInto })
      .from(organisations)
      .where(eq(organisations.nameKey, nameKey));
    return found ? (found.mergedInto ?? found.id) : null;
  };
  const existing = await byKey();
  if (existing !== null) return existing;
  const baseSlug = slugify(displayName, 'organisation');
  for (let n = 1; ; n++) {
    const slug = n === 1 ? baseSlug : `${baseSlug}-${n}`;
    const [inserted] = await tx
      .insert(organisations)
      .values({ name: displayName, nameKey, slug, kind, externalRef })
      .onConflictDoNothing()
      .returning({ id: organisations.id });
    if (inserted) return inserted.id;
    // Either another writer created the same organisation (use it) or the slug is taken (try the next).
    const raced = await byKey();
    if (raced !== null) return raced;
  }
}

export interface MergeResult {
  from: { id: number; name: string; slug: string };
  into: { id: number; name: string; slug: string };
  /** Members whose positions or schools moved. */
  members: number;
}

/**
 * An operator merges one organisation into another: every position and school listed at `fromId` moves to
 * `intoId` (each keeps the spelling its member typed), the merged row stays with merged_into set so its slug
 * and its key lead to the other, and an audit row records who did it. One transaction (the caller's).
 */
export async function mergeOrganisation(
  tx: Tx,
  actor: { id: number; ip: string | null },
  fromId: number,
  intoId: number,
): Promise<MergeResult> {
  if (fromId === intoId) {
    throw badRequest('invalid_merge', { key: 'itself', errors: [{ path: 'body.into', code: 'custom', key: 'field.into_itself' }] });
  }
  // Both rows locked, lower id first, so two merges of the same pair cannot interleave or deadlock.
  const locked = await tx
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, mergedInto: organisations.mergedInto })
    .from(organisations)
    .where(inArray(organisations.id, [fromId, intoId]))
    .orderBy(organisations.id)
    .for('update');
  const from = locked.find((o) => o.id === fromId);
  const into = locked.find((o) => o.id === intoId);
  if (!from) throw notFound('organisation');
  if (!into) throw badRequest('invalid_merge', { key: 'unknown', params: { id: intoId }, errors: [{ path: 'body.into', code: 'custom', key: 'field.into_unknown' }] });
  if (from.mergedInto !== null) throw conflict('already_merged', { key: 'from', params: { name: from.name } });
  if (into.mergedInto !== null) {
    throw conflict('already_merged', { key: 'into', params: { name: into.name } });
  }

  const [moved] = await rows<{ members: number }>(tx, sql`
    WITH e AS (UPDATE experiences SET organisation_id = ${intoId} WHERE organisation_id = ${fromId} RETURNING member_id),
         s AS (UPDATE educations SET organisation_id = ${intoId} WHERE organisation_id = ${fromId} RETURNING member_id)
    SELECT count(DISTINCT member_id)::int AS members FROM (SELECT member_id FROM e UNION ALL SELECT member_id FROM s) m`);
  const members = moved?.members ?? 0;
  // Earlier merges into the merged organisation follow it, so a key never leads through two hops.
  await tx.update(organisations).set({ mergedInto: intoId }).where(eq(organisations.mergedInto, fromId));
  await tx.update(organisations).set({ mergedInto: intoId }).where(eq(organisations.id, fromId));
  await tx.execute(sql`
    UPDATE search_documents
       SET organisation_ids = ARRAY(SELECT DISTINCT unnest(array_replace(organisation_ids, ${fromId}, ${intoId})) ORDER BY 1)
     WHERE organisation_ids @> ARRAY[${fromId}]::integer[]`);
  await recordEvent(tx, { kind: 'organisation.merged', actorId: actor.id, subjectId: null, data: { fromId, intoId, members } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'organisation.merge',
    subjectType: 'organisation',
    subjectId: fromId,
    data: { name: from.name, into: { id: into.id, name: into.name }, members },
    ip: actor.ip,
  });
  return {
    from: { id: from.id, name: from.name, slug: from.slug },
    into: { id: into.id, name: into.name, slug: into.slug },
    members,
  };
}

/** Resolves skill names to ids, creating new skills; returns ids in input order, duplicates removed. */
export async function resolveSkills(tx: DbOrTx, names: string[]): Promise<number[]> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const key = matchKey(name);
    if (key && !wanted.has(key)) wanted.set(key, name.trim().replace(/\s+/g, ' '));
  }
  if (wanted.size === 0) return [];
  await tx
    .insert(skills)
    .values([...wanted].map(([nameKey, name]) => ({ name, nameKey })))
    .onConflictDoNothing();
  const found = await tx
    .select({ id: skills.id, nameKey: skills.nameKey })
    .from(skills)
    .where(inArray(skills.nameKey, [...wanted.keys()]));
  const idByKey = new Map(found.map((s) => [s.nameKey, s.id]));
  return [...wanted.keys()].flatMap((k) => idByKey.get(k) ?? []);
}
