import { sql } from 'drizzle-orm';
import { organisationKey } from '../../../common/text.ts';
import { type Tx, rows } from '../connection.ts';
import type { Migration } from './types.ts';

/**
 * Organisations match on case, accents and spacing only, and each position keeps the member's own spelling.
 *
 * Before this, organisations were keyed by a key that dropped every symbol, so "C++ Users Italy" joined
 * "C# Users Italy" and the member saw the other name on their profile. This migration:
 *  - adds `organisation_name` to experiences and educations, the name as the member typed it. Old rows only
 *    know the organisation's name, so that is what they get: what was merged before cannot be un-merged
 *    (nothing recorded which member typed which spelling). A member who re-saves their profile, or any new
 *    write, keeps the spelling typed, and lands in the organisation of that exact key;
 *  - re-keys every organisation with organisationKey (common/text.ts), the function the writes use, which is
 *    why the keys are computed here in TypeScript rather than in SQL;
 *  - adds `merged_into`: an operator's merge (POST /admin/organisations/:id/merge) keeps the merged row, so
 *    its slug and its key still lead to the organisation it became.
 * Two old organisations whose names share the new key (they differed only in invisible characters, which
 * the old key turned into spaces) become one: the older keeps its row, the newer is marked merged into it.
 */
export const organisationSpelling: Migration = {
  name: '20261211-0005-organisation-spelling',
  up: [
    `ALTER TABLE experiences ADD COLUMN organisation_name text`,
    `UPDATE experiences e SET organisation_name = o.name FROM organisations o WHERE o.id = e.organisation_id`,
    `ALTER TABLE experiences ALTER COLUMN organisation_name SET NOT NULL`,
    `ALTER TABLE educations ADD COLUMN organisation_name text`,
    `UPDATE educations e SET organisation_name = o.name FROM organisations o WHERE o.id = e.organisation_id`,
    `ALTER TABLE educations ALTER COLUMN organisation_name SET NOT NULL`,
    `ALTER TABLE organisations ADD COLUMN merged_into integer REFERENCES organisations(id)
      CHECK (merged_into IS NULL OR merged_into <> id)`,
    `CREATE INDEX organisations_merged_into_idx ON organisations (merged_into) WHERE merged_into IS NOT NULL`,
  ],
  data: rekeyOrganisations,
  // The keys stay in the new form: the old key cannot be computed in SQL, and it merged names it should not have.
  down: [
    `DROP INDEX IF EXISTS organisations_merged_into_idx`,
    `ALTER TABLE organisations DROP COLUMN IF EXISTS merged_into`,
    `ALTER TABLE educations DROP COLUMN IF EXISTS organisation_name`,
    `ALTER TABLE experiences DROP COLUMN IF EXISTS organisation_name`,
  ],
};

/**
 * A name_key no typed name can have (organisationKey lower-cases everything), for a duplicate folded into
 * an older row: the older row answers to the shared key, and this one must not be found by name any more.
 */
const foldedKey = (id: number) => `MERGED ${id}`;

const BATCH = 1000;

async function rekeyOrganisations(tx: Tx): Promise<void> {
  const all = await rows<{ id: number; name: string }>(tx, sql`SELECT id, name FROM organisations ORDER BY id`);
  if (all.length === 0) return;
  const keep = new Map<string, number>();
  const keyed: { id: number; key: string }[] = [];
  const folded: { from: number; into: number }[] = [];
  for (const o of all) {
    const key = organisationKey(o.name);
    const first = keep.get(key);
    if (first === undefined) {
      keep.set(key, o.id);
      keyed.push({ id: o.id, key });
    } else {
      folded.push({ from: o.id, into: first });
      keyed.push({ id: o.id, key: foldedKey(o.id) });
    }
  }

  // Two steps, so no row ever takes a key another row still has (the unique index checks each row); the
  // temporary keys are upper case, so they cannot clash with a real one either.
  await tx.execute(sql`UPDATE organisations SET name_key = 'REKEY ' || id::text`);
  for (let i = 0; i < keyed.length; i += BATCH) {
    const values = sql.join(
      keyed.slice(i, i + BATCH).map((k) => sql`(${k.id}::int, ${k.key}::text)`),
      sql`, `,
    );
    await tx.execute(sql`UPDATE organisations o SET name_key = v.key FROM (VALUES ${values}) AS v(id, key) WHERE o.id = v.id`);
  }

  for (const { from, into } of folded) {
    await tx.execute(sql`UPDATE experiences SET organisation_id = ${into} WHERE organisation_id = ${from}`);
    await tx.execute(sql`UPDATE educations SET organisation_id = ${into} WHERE organisation_id = ${from}`);
    await tx.execute(sql`UPDATE organisations SET merged_into = ${into} WHERE id = ${from}`);
    await tx.execute(sql`
      UPDATE search_documents
         SET organisation_ids = ARRAY(SELECT DISTINCT unnest(array_replace(organisation_ids, ${from}, ${into})) ORDER BY 1)
       WHERE organisation_ids @> ARRAY[${from}]::integer[]`);
  }
}
