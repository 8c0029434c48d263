import { sql } from 'drizzle-orm';
import { rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';
import type { Lens } from '../viewer/viewer.ts';
import type { PersonRecord } from './people.ts';

/**
 * Person records by id (what a card shows and its rules need), suspended members included: the caller
 * decides who is shown. With the app's read caches, only the ids not cached are read, in one statement;
 * an event about a member (profile edit, suspension) evicts theirs. Ids without a member are absent.
 */
export async function personRecords(lens: Lens, ids: readonly number[]): Promise<Map<number, PersonRecord>> {
  const out = new Map<number, PersonRecord>();
  const { caches } = lens;
  const missing = caches ? ids.filter((id) => !remember(out, caches.records.peek(id))) : [...ids];
  if (missing.length === 0) return out;
  const stamp = caches?.records.stamp() ?? 0;
  const found = await rows<PersonRecord>(
    lens.db,
    sql`SELECT m.id, m.handle, m.status, p.name, p.headline, p.location, p.visibility, p.who_can_follow AS "whoCanFollow",
               p.connections_visibility AS "connectionsVisibility", p.photo_etag AS "photoEtag"
          FROM members m JOIN profiles p ON p.member_id = m.id
         WHERE m.id = ANY(${intArray(missing)}::int[])`,
  );
  for (const r of found) {
    const record: PersonRecord = {
      id: r.id,
      handle: r.handle,
      status: r.status,
      name: r.name,
      headline: r.headline,
      location: r.location,
      visibility: r.visibility,
      whoCanFollow: r.whoCanFollow,
      connectionsVisibility: r.connectionsVisibility,
      photoEtag: r.photoEtag,
    };
    caches?.records.put(r.id, record, stamp);
    out.set(r.id, record);
  }
  return out;
}

function remember(out: Map<number, PersonRecord>, record: PersonRecord | undefined): boolean {
  if (record) out.set(record.id, record);
  return record !== undefined;
}
