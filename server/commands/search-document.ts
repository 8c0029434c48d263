import { sql } from 'drizzle-orm';
import { matchKey } from '../../common/text.ts';
import type { DbOrTx } from '../db/connection.ts';
import { type ProfileData, loadProfiles } from '../queries/profiles.ts';

/** What a member's search row is made of, worked out from the profile; the weighting happens in SQL. */
function searchFields(p: ProfileData) {
  const orgs = [...p.experience.map((e) => e.organisation), ...p.education.map((e) => e.school)];
  const orgIds = [...new Set(orgs.map((o) => o.id))];
  // The organisations' names and each member's own spelling of them, so either finds the member.
  const spellings = [...p.experience.map((e) => e.organisationName), ...p.education.map((e) => e.schoolName)];
  return {
    name: matchKey(p.name),
    headline: matchKey(p.headline),
    skillsText: matchKey(p.skills.join(' ')),
    orgText: matchKey([...orgs.map((o) => o.name), ...spellings, ...p.experience.map((e) => e.title)].join(' ')),
    placeText: matchKey([p.location, p.industry, p.function].join(' ')),
    about: matchKey(p.about).slice(0, 4000),
    orgIds: `{${orgIds.join(',')}}`,
  };
}

/**
 * Rebuilds a member's people-search row from their profile. Called in the same transaction as every
 * change to the profile, its lists or the member's status, so search never disagrees with the profile.
 * Text is normalised with matchKey (accents folded) here and on the query side.
 */
export async function refreshSearchDocument(tx: DbOrTx, memberId: number): Promise<void> {
  const [p] = await loadProfiles(tx, [memberId]);
  if (!p) return;
  const { name, headline, skillsText, orgText, placeText, about, orgIds } = searchFields(p);
  await tx.execute(sql`
    INSERT INTO search_documents AS d
      (member_id, name_key, public_doc, full_doc, industry, function, career_stage, organisation_ids, visibility, active, updated_at)
    SELECT ${memberId}, ${name}, pub, pub
        || setweight(to_tsvector('simple', ${skillsText}), 'B')
        || setweight(to_tsvector('simple', ${orgText}), 'B')
        || setweight(to_tsvector('simple', ${placeText}), 'C')
        || setweight(to_tsvector('simple', ${about}), 'D'),
      ${p.industry}, ${p.function}, ${p.careerStage}, ${orgIds}::integer[], ${p.visibility},
      ${p.status === 'active'}, now()
    FROM (SELECT setweight(to_tsvector('simple', ${name}), 'A') || setweight(to_tsvector('simple', ${headline}), 'B') AS pub) s
    ON CONFLICT (member_id) DO UPDATE SET
      name_key = EXCLUDED.name_key, public_doc = EXCLUDED.public_doc, full_doc = EXCLUDED.full_doc,
      industry = EXCLUDED.industry, function = EXCLUDED.function, career_stage = EXCLUDED.career_stage,
      organisation_ids = EXCLUDED.organisation_ids, visibility = EXCLUDED.visibility, active = EXCLUDED.active,
      updated_at = now()`);
  // The name's words join the vocabulary that typo-tolerant search corrects against (migration 0014), in
  // sorted order so two transactions adding the same new words cannot deadlock on them.
  await tx.execute(sql`INSERT INTO search_words (word)
    SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', ${name}))) AS w ORDER BY w ON CONFLICT DO NOTHING`);
}

/**
 * refreshSearchDocument for many members at once (an import's new members): the same rows, built by the
 * same SQL expressions, in three statements per call instead of six per member. `alsoNames` adds words to
 * the vocabulary beside the members' names (an import's names as first written, before its patch).
 */
export async function refreshSearchDocuments(tx: DbOrTx, memberIds: number[], alsoNames: string[] = []): Promise<void> {
  if (memberIds.length === 0) return;
  const profiles = await loadProfiles(tx, memberIds);
  const input = profiles.map((p) => {
    const f = searchFields(p);
    return {
      member_id: p.id, name_key: f.name, headline: f.headline, skills_text: f.skillsText, org_text: f.orgText, place_text: f.placeText,
      about: f.about, industry: p.industry, function: p.function, career_stage: p.careerStage, organisation_ids: f.orgIds,
      visibility: p.visibility, active: p.status === 'active',
    };
  });
  await tx.execute(sql`
    INSERT INTO search_documents AS d
      (member_id, name_key, public_doc, full_doc, industry, function, career_stage, organisation_ids, visibility, active, updated_at)
    SELECT v.member_id, v.name_key, s.pub, s.pub
        || setweight(to_tsvector('simple', v.skills_text), 'B')
        || setweight(to_tsvector('simple', v.org_text), 'B')
        || setweight(to_tsvector('simple', v.place_text), 'C')
        || setweight(to_tsvector('simple', v.about), 'D'),
      v.industry, v.function, v.career_stage, v.organisation_ids::integer[], v.visibility, v.active, now()
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS v(member_id integer, name_key text, headline text,
        skills_text text, org_text text, place_text text, about text, industry text, function text, career_stage text,
        organisation_ids text, visibility text, active boolean)
    CROSS JOIN LATERAL (SELECT setweight(to_tsvector('simple', v.name_key), 'A') || setweight(to_tsvector('simple', v.headline), 'B') AS pub) s
    ON CONFLICT (member_id) DO UPDATE SET
      name_key = EXCLUDED.name_key, public_doc = EXCLUDED.public_doc, full_doc = EXCLUDED.full_doc,
      industry = EXCLUDED.industry, function = EXCLUDED.function, career_stage = EXCLUDED.career_stage,
      organisation_ids = EXCLUDED.organisation_ids, visibility = EXCLUDED.visibility, active = EXCLUDED.active,
      updated_at = now()`);
  const names = [...input.map((v) => v.name_key), ...alsoNames.map(matchKey)];
  // Sorted, as refreshSearchDocument adds them, so concurrent writers cannot deadlock on new words.
  await tx.execute(sql`INSERT INTO search_words (word)
    SELECT DISTINCT w FROM jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) AS n(name),
      unnest(tsvector_to_array(to_tsvector('simple', n.name))) AS w
    ORDER BY w ON CONFLICT DO NOTHING`);
}
