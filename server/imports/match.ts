/**
 * Which community member an imported contact is (issue 14): by a profile URL the member lists on their
 * profile, by a VERIFIED email, or by name plus a current organisation — with a kind and a confidence.
 *
 * Never the importer themself, never anyone on either side of a block with them, never a suspended member,
 * and a member whose profile is visible only to their network (`visibility = 'network'`) is found only by
 * someone within it (degree 1 or 2), as their profile would be. A name + organisation that fits two
 * members matches neither: a wrong match would put the wrong person in front of the importer.
 *
 * The index is built once per import run: a self-hosted community's members' links, verified emails and
 * current organisations fit in memory, and profile links are free text that no SQL index normalises.
 */
import { sql } from 'drizzle-orm';
import type { MatchKind } from '../db/tables/imports.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { emailKey, nameKey, orgKey, urlKey } from './keys.ts';

export interface Match {
  memberId: number;
  kind: MatchKind;
  confidence: number;
}

export const CONFIDENCE: Record<MatchKind, number> = { url: 0.99, email: 0.95, name_org: 0.7 };

export interface MatchablePerson {
  name: string;
  emails: readonly string[];
  urls: readonly string[];
  organisation?: string | null | undefined;
}

/** Degrees from the importer to members, from the graph index (null: not within reach). */
export type DegreesOf = (viewer: number, ids: readonly number[]) => Promise<readonly (number | null)[]>;

interface CandidateRow {
  id: number;
  email: string;
  verified: boolean;
  name: string;
  links: { url: string }[] | null;
  visibility: 'signed_in' | 'network';
  orgs: string[] | null;
}

export class MatchIndex {
  private readonly byUrl = new Map<string, number>();
  private readonly byEmail = new Map<string, number>();
  private readonly byNameOrg = new Map<string, number[]>();

  private constructor(private readonly networkOnly: ReadonlySet<number>) {}

  static async build(db: DbOrTx, importerId: number, degreesOf: DegreesOf): Promise<MatchIndex> {
    const found = await rows<CandidateRow>(
      db,
      sql`SELECT m.id, m.email, (m.email_verified_at IS NOT NULL) AS verified, p.name, p.links, p.visibility,
                 ARRAY(SELECT e.organisation_name FROM experiences e WHERE e.member_id = m.id AND e.end_date IS NULL
                       UNION SELECT o.name FROM experiences e JOIN organisations o ON o.id = e.organisation_id WHERE e.member_id = m.id AND e.end_date IS NULL) AS orgs
            FROM members m JOIN profiles p ON p.member_id = m.id
           WHERE m.status = 'active' AND m.id <> ${importerId}
             AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ${importerId} AND b.blocked_id = m.id) OR (b.blocker_id = m.id AND b.blocked_id = ${importerId}))`,
    );
    // Members who show their profile to their network only: findable by those within it.
    const restricted = found.filter((r) => r.visibility === 'network').map((r) => r.id);
    const degrees = restricted.length ? await degreesOf(importerId, restricted) : [];
    const hidden = new Set(restricted.filter((_, i) => !(typeof degrees[i] === 'number' && degrees[i]! >= 1 && degrees[i]! <= 2)));
    const index = new MatchIndex(hidden);
    for (const r of found) {
      if (hidden.has(r.id)) continue;
      for (const link of r.links ?? []) {
        const key = typeof link?.url === 'string' ? urlKey(link.url) : null;
        if (key) index.add(index.byUrl, key, r.id);
      }
      if (r.verified) index.add(index.byEmail, emailKey(r.email), r.id);
      const name = nameKey(r.name);
      if (!name) continue;
      for (const org of new Set((r.orgs ?? []).map(orgKey).filter(Boolean))) {
        const key = `${name}|${org}`;
        const list = index.byNameOrg.get(key) ?? [];
        if (!list.includes(r.id)) list.push(r.id);
        index.byNameOrg.set(key, list);
      }
    }
    return index;
  }

  /** A URL or email claimed by two members identifies neither (-1 marks it ambiguous). */
  private add(map: Map<string, number>, key: string, id: number): void {
    const had = map.get(key);
    map.set(key, had === undefined || had === id ? id : -1);
  }

  get hiddenCount(): number {
    return this.networkOnly.size;
  }

  match(person: MatchablePerson): Match | null {
    for (const url of person.urls) {
      const key = urlKey(url);
      const id = key ? this.byUrl.get(key) : undefined;
      if (id !== undefined && id > 0) return { memberId: id, kind: 'url', confidence: CONFIDENCE.url };
    }
    for (const email of person.emails) {
      const id = this.byEmail.get(emailKey(email));
      if (id !== undefined && id > 0) return { memberId: id, kind: 'email', confidence: CONFIDENCE.email };
    }
    const name = nameKey(person.name);
    const org = person.organisation ? orgKey(person.organisation) : '';
    if (name && org) {
      const ids = this.byNameOrg.get(`${name}|${org}`);
      if (ids?.length === 1) return { memberId: ids[0]!, kind: 'name_org', confidence: CONFIDENCE.name_org };
    }
    return null;
  }
}
