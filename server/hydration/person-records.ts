import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';
import type { Lens } from '../viewer/viewer.ts';
import { PERSON_RECORD_COLUMNS, type PersonRecord, toPersonRecord } from './person-record.ts';

/**
 * Person records by id (what a card shows and its rules need), suspended members included: the caller
 * decides who is shown. With the app's read caches, only the ids not cached are read, in one statement
 * shared with the other requests' misses of the moment; an event about a member (profile edit,
 * suspension) evicts theirs. Read from a replica, the misses are read there and not cached (viewer.ts,
 * fromReplica). Ids without a member are absent.
 */
export async function personRecords(lens: Lens, ids: readonly number[]): Promise<Map<number, PersonRecord>> {
  const out = new Map<number, PersonRecord>();
  const { caches } = lens;
  const missing = caches ? ids.filter((id) => !remember(out, caches.records.peek(id))) : [...ids];
  if (missing.length === 0) return out;
  if (!caches) return loadPersonRecords(lens.db, missing);
  if (lens.fromReplica) {
    for (const [id, record] of await loadPersonRecords(lens.db, missing)) out.set(id, record);
    return out;
  }
  const stamp = caches.records.stamp();
  const found = await caches.batches.records.loadMany(missing);
  for (const record of found) {
    if (!record) continue;
    caches.records.put(record.id, record, stamp);
    out.set(record.id, record);
  }
  return out;
}

/** Person records by id, in one statement (also how the read caches refresh the records in use). */
export async function loadPersonRecords(db: DbOrTx, ids: readonly number[]): Promise<Map<number, PersonRecord>> {
  const found = await rows<PersonRecord>(
    db,
    sql`SELECT ${PERSON_RECORD_COLUMNS}
          FROM members m JOIN profiles p ON p.member_id = m.id
         WHERE m.id = ANY(${intArray(ids)}::int[])`,
  );
  return new Map(found.map((r) => [r.id, toPersonRecord(r)]));
}

function remember(out: Map<number, PersonRecord>, record: PersonRecord | undefined): boolean {
  if (record) out.set(record.id, record);
  return record !== undefined;
}
