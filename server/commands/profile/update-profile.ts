import { eq, sql } from 'drizzle-orm';
import type { ProfilePatch } from '../../../common/schemas/profile.ts';
import type { Tx } from '../../db/connection.ts';
import { educations, experiences, members, memberSkills, profiles } from '../../db/schema.ts';
import { recordEvent } from '../../events/record.ts';
import { organisationDisplayName, resolveOrganisation, resolveSkills } from '../organisations.ts';
import { refreshSearchDocument } from '../search-document.ts';

const SCALAR_FIELDS = [
  'name', 'headline', 'about', 'location', 'industry', 'function', 'careerStage', 'birthYear', 'visibility', 'links',
  'offers', 'asks', 'whoCanFollow', 'connectionsVisibility',
] as const;

/**
 * Applies a validated profile patch in the caller's transaction. Scalar fields are set when present;
 * each list (skills, experience, education) is replaced whole when present, so a client that sends the
 * list it shows never leaves stale rows behind.
 */
export async function updateProfile(tx: Tx, memberId: number, patch: ProfilePatch): Promise<void> {
  const scalars: Partial<typeof profiles.$inferInsert> = {};
  for (const field of SCALAR_FIELDS) {
    if (patch[field] !== undefined) (scalars as Record<string, unknown>)[field] = patch[field];
  }
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
  if (patch.experience) {
    await tx.delete(experiences).where(eq(experiences.memberId, memberId));
    let position = 0;
    for (const e of patch.experience) {
      const organisationId = await resolveOrganisation(tx, e.organisation, 'company');
      await tx.insert(experiences).values({
        memberId,
        organisationId,
        organisationName: organisationDisplayName(e.organisation),
        title: e.title,
        startDate: `${e.startDate}-01`,
        endDate: e.endDate ? `${e.endDate}-01` : null,
        description: e.description,
        position: position++,
      });
    }
  }
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
  const fields = [...SCALAR_FIELDS, 'skills', 'experience', 'education'].filter((f) => patch[f as keyof ProfilePatch] !== undefined);
  if (fields.length) await recordEvent(tx, { kind: 'profile.changed', actorId: memberId, subjectId: memberId, data: { fields } });
}
