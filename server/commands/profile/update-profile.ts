import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ExperienceInput, ProfilePatch } from '../../../common/schemas/profile.ts';
import type { Tx } from '../../db/connection.ts';
import { educations, experiences, members, memberSkills, profiles } from '../../db/schema.ts';
import { recordEvent } from '../../events/record.ts';
import { organisationDisplayName, resolveOrganisation, resolveSkills } from '../organisations.ts';
import { refreshSearchDocument } from '../search-document.ts';

const SCALAR_FIELDS = [
  'name', 'headline', 'about', 'location', 'industry', 'function', 'careerStage', 'birthYear', 'ageBandShared', 'visibility', 'links',
  'offers', 'asks', 'whoCanFollow', 'connectionsVisibility',
] as const;

/** The scalar columns of profiles a patch sets (a new member's row can be written with them at once). */
export function profileScalars(patch: ProfilePatch): Partial<typeof profiles.$inferInsert> {
  const scalars: Partial<typeof profiles.$inferInsert> = {};
  for (const field of SCALAR_FIELDS) {
    if (patch[field] !== undefined) (scalars as Record<string, unknown>)[field] = patch[field];
  }
  return scalars;
}

/** The fields a profile.changed event names for a patch: those it sets, lists included. */
export function changedFields(patch: ProfilePatch): string[] {
  return [...SCALAR_FIELDS, 'skills', 'experience', 'education'].filter((f) => patch[f as keyof ProfilePatch] !== undefined);
}

/**
 * Applies a validated profile patch in the caller's transaction. Scalar fields are set when present;
 * each list (skills, experience, education) is replaced whole when present, so a client that sends the
 * list it shows never leaves stale rows behind.
 */
export async function updateProfile(tx: Tx, memberId: number, patch: ProfilePatch): Promise<void> {
  const scalars = profileScalars(patch);
  await tx
    .update(profiles)
    .set({ ...scalars, updatedAt: sql`now()` })
    .where(eq(profiles.memberId, memberId));
  // The language is the account's, not the profile's (members.locale): nobody else sees it.
  if (patch.locale !== undefined) await tx.update(members).set({ locale: patch.locale }).where(eq(members.id, memberId));

  if (patch.skills) {
    const ids = await resolveSkills(tx, patch.skills);
    await tx.delete(memberSkills).where(eq(memberSkills.memberId, memberId));
    if (ids.length) await tx.insert(memberSkills).values(ids.map((skillId, position) => ({ memberId, skillId, position })));
  }
  if (patch.experience) await replaceExperience(tx, memberId, patch.experience);
  if (patch.education) {
    await tx.delete(educations).where(eq(educations.memberId, memberId));
    let position = 0;
    for (const e of patch.education) {
      const organisationId = await resolveOrganisation(tx, e.school, 'school');
      await tx.insert(educations).values({
        memberId,
        organisationId,
        organisationName: organisationDisplayName(e.school),
        degree: e.degree,
        startYear: e.startYear,
        endYear: e.endYear,
        position: position++,
      });
    }
  }
  await refreshSearchDocument(tx, memberId);
  const fields = changedFields(patch);
  if (fields.length) await recordEvent(tx, { kind: 'profile.changed', actorId: memberId, subjectId: memberId, data: { fields } });
}

/**
 * Replaces the member's positions with the list given, keeping each position's row (and id) where the list
 * still has it: recommendations hang from a position by id, so rewriting the rows would lose them. A position
 * is kept when the list names its id, or else has its organisation, title and start date; positions left out
 * are deleted, with their recommendations.
 */
async function replaceExperience(tx: Tx, memberId: number, list: ExperienceInput[]): Promise<void> {
  const existing = await tx
    .select({ id: experiences.id, organisationName: experiences.organisationName, title: experiences.title, startDate: experiences.startDate })
    .from(experiences)
    .where(eq(experiences.memberId, memberId));
  const unused = new Map(existing.map((e) => [e.id, e]));
  const kept: number[] = [];
  let position = 0;
  for (const e of list) {
    const organisationName = organisationDisplayName(e.organisation);
    const startDate = `${e.startDate}-01`;
    const same = (e.id !== undefined ? unused.get(e.id) : undefined) ??
      [...unused.values()].find((x) => x.organisationName === organisationName && x.title === e.title && String(x.startDate).slice(0, 10) === startDate);
    const organisationId = await resolveOrganisation(tx, e.organisation, 'company');
    const values = { organisationId, organisationName, title: e.title, startDate, endDate: e.endDate ? `${e.endDate}-01` : null, description: e.description, position: position++ };
    if (same) {
      unused.delete(same.id);
      kept.push(same.id);
      await tx.update(experiences).set(values).where(and(eq(experiences.id, same.id), eq(experiences.memberId, memberId)));
    } else {
      await tx.insert(experiences).values({ memberId, ...values });
    }
  }
  if (unused.size) await tx.delete(experiences).where(and(eq(experiences.memberId, memberId), inArray(experiences.id, [...unused.keys()])));
}
