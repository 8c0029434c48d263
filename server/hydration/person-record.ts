import { sql } from 'drizzle-orm';
import type { CachedPersonRecord } from '../viewer/read-caches.ts';

/**
 * What a person card shows and its rules need, from members and profiles. The read caches keep records of
 * this shape (the viewer layer defines it, since hydration imports the viewer and not the other way round).
 */
export type PersonRecord = CachedPersonRecord;

/** The record's columns, for a statement over `members m JOIN profiles p` (hydratePeople, personRecords). */
export const PERSON_RECORD_COLUMNS = sql`m.id, m.handle, m.status, p.name, p.headline, p.location, p.visibility,
  p.who_can_follow AS "whoCanFollow", p.connections_visibility AS "connectionsVisibility", p.photo_etag AS "photoEtag"`;

/** The record alone, from a row that may carry more columns (a relation's, for one). */
export function toPersonRecord(r: PersonRecord): PersonRecord {
  return {
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
}
