import { sql } from 'drizzle-orm';
import { matchKey } from '../../common/text.ts';
import type { DbOrTx } from '../db/connection.ts';
import { loadProfiles } from '../queries/profiles.ts';

/**
 * Rebuilds a member's people-search row from their profile. Called in the same transaction as every
 * change to the profile, its lists or the member's status, so search never disagrees with the profile.
 * Text is normalised with matchKey (accents folded) here and on the query side.
 */
export async function refreshSearchDocument(tx: DbOrTx, memberId: number): Promise<void> {
  const [p] = await loadProfiles(tx, [memberId]);
  if (!p) return;
  const orgs = [...p.experience.map((e) => e.organisation), ...p.education.map((e) => e.school)];
  const orgIds = [...new Set(orgs.map((o) => o.id))];
  const name = matchKey(p.name);
  const headline = matchKey(p.headline);
  const skillsText = matchKey(p.skills.join(' '));
  // The organisations' names and each member's own spelling of them, so either finds the member.
  const spellings = [...p.experience.map((e) => e.organisationName), ...p.education.map((e) => e.schoolName)];
  const orgText = matchKey([...orgs.map((o) => o.name), ...spellings, ...p.experience.map((e) => e.title)].join(' '));
  const placeText = matchKey([p.location, p.industry, p.function].join(' '));
  const about = matchKey(p.about).slice(0, 4000);
  await tx.execute(sql`
    INSERT INTO search_documents AS d
      (member_id, name_key, public_doc, full_doc, industry, function, career_stage, organisation_ids, visibility, active, updated_at)
    SELECT ${memberId}, ${name}, pub, pub
        || setweight(to_tsvector('simple', ${skillsText}), 'B')
        || setweight(to_tsvector('simple', ${orgText}), 'B')
        || setweight(to_tsvector('simple', ${placeText}), 'C')
        || setweight(to_tsvector('simple', ${about}), 'D'),
      ${p.industry}, ${p.function}, ${p.careerStage}, ${`{${orgIds.join(',')}}`}::integer[], ${p.visibility},
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
