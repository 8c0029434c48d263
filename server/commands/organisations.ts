import { eq, inArray } from 'drizzle-orm';
import { matchKey, slugify } from '../../common/text.ts';
import type { DbOrTx } from '../db/connection.ts';
import { organisations, skills } from '../db/schema.ts';

/**
 * Finds the organisation a typed name refers to, creating it on first use. Matching ignores case,
 * accents and spacing, so members converge on one entity instead of twenty spellings.
 */
export async function resolveOrganisation(
  tx: DbOrTx,
  name: string,
  kind: 'company' | 'school' | 'other' = 'other',
  externalRef: string | null = null,
): Promise<number> {
  const displayName = name.trim().replace(/\s+/g, ' ');
  const nameKey = matchKey(displayName);
  const [existing] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameKey, nameKey));
  if (existing) return existing.id;
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
    const [raced] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameKey, nameKey));
    if (raced) return raced.id;
  }
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
