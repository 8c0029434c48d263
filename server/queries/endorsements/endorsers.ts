import { sql } from 'drizzle-orm';
import { matchKey } from '../../../common/text.ts';
import { rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import type { Listed } from '../../hydration/listed-people.ts';
import type { Lens } from '../../viewer/viewer.ts';
import { exactTime } from '../network/lists.ts';

/**
 * Who endorsed a member's skill, newest first (for hydrateListed): active members only, and both sides of the
 * viewer's blocks left out. The skill is matched by its key, as the member lists it.
 */
export async function endorsersPage(
  lens: Lens,
  memberId: number,
  skillName: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<KeysetPage<Listed<Record<string, never>>>> {
  const after = decodeCursor(query.cursor, { t: 'time', i: 'id' });
  const found = await rows<{ id: number; ms: string }>(
    lens.db,
    sql`SELECT en.endorser_id AS id, ${exactTime(sql`en.created_at`)} AS ms
          FROM endorsements en
          JOIN skills s ON s.id = en.skill_id AND s.name_key = ${matchKey(skillName)}
          JOIN member_skills ms ON ms.member_id = en.member_id AND ms.skill_id = en.skill_id
          JOIN members m ON m.id = en.endorser_id AND m.status = 'active'
         WHERE en.member_id = ${memberId}
           ${lens.avoid.size ? sql`AND NOT (en.endorser_id = ANY(${intArray(lens.avoid)}::int[]))` : sql``}
           ${after ? sql`AND (en.created_at, en.endorser_id) < (${after.t}::timestamptz, ${after.i})` : sql``}
         ORDER BY en.created_at DESC, en.endorser_id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ t: last.ms, i: last.id }));
  return { rows: page.rows.map((r) => ({ id: r.id, extra: {} })), nextCursor: page.nextCursor };
}
