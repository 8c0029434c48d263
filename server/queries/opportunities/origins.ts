/**
 * How each of my relationships began, for the opportunity report (issue 15): the connection's origin, the
 * degree at send of the invitation it came from, whether an open policy accepted it, who introduced us, and
 * the imported contact that matches them. One statement over the viewer's own rows, keyed by their id first.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import type { OriginFacts } from '../../opportunities/shares.ts';

/** The interactions over posts that, before a connection, say "we met over posts". */
const POST_KINDS = ['comment_sent', 'comment_received', 'reaction_given', 'reaction_received'];

export interface LoadedOrigin extends OriginFacts {
  at: string | null;
  /** Who introduced us (the requester's first step, or the last for the target), when the origin is an introduction. */
  introducerId: number | null;
  /** The source of the imported contact that matches them (linkedin, vcard, csv, rapport), if any. */
  importedFrom: string | null;
}

interface Row {
  personId: number;
  context: string | null;
  connectedAt: string | Date | null;
  invitedAt: string | Date | null;
  degreeAtSend: number | null;
  openInvitation: boolean | null;
  introducerId: number | null;
  importedFrom: string | null;
  viaPosts: boolean;
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

export async function loadOrigins(db: DbOrTx, memberId: number, personIds: readonly number[]): Promise<Map<number, LoadedOrigin>> {
  const out = new Map<number, LoadedOrigin>();
  if (personIds.length === 0) return out;
  const found = await rows<Row>(
    db,
    sql`SELECT p.id AS "personId", c.origin_context AS context, c.created_at AS "connectedAt", i.created_at AS "invitedAt",
               i.degree_at_send AS "degreeAtSend", i.folder = 'auto' AS "openInvitation",
               (SELECT CASE WHEN it.requester_id = ${memberId} THEN it.path[1] ELSE it.path[array_length(it.path, 1)] END
                  FROM introductions it WHERE it.id = i.introduction_id) AS "introducerId",
               (SELECT ct.source FROM contacts ct WHERE ct.member_id = ${memberId} AND ct.matched_member_id = p.id
                 ORDER BY ct.id LIMIT 1) AS "importedFrom",
               EXISTS (SELECT 1 FROM interactions x WHERE x.member_id = ${memberId} AND x.other_id = p.id
                          AND x.kind = ANY(${`{${POST_KINDS.join(',')}}`}::text[])
                          AND (c.created_at IS NULL OR x.at < coalesce(i.created_at, c.created_at))) AS "viaPosts"
          FROM unnest(${intArray(personIds)}::int[]) AS p(id)
          LEFT JOIN connections c ON c.member_id = ${memberId} AND c.other_id = p.id
          LEFT JOIN invitations i ON i.id = c.invitation_id`,
  );
  for (const r of found) {
    const connected = r.connectedAt !== null;
    out.set(Number(r.personId), {
      connected,
      context: r.context,
      at: iso(r.invitedAt ?? r.connectedAt),
      degreeAtSend: r.degreeAtSend === null ? null : Number(r.degreeAtSend),
      openInvitation: r.openInvitation === true,
      viaPosts: r.viaPosts,
      importedContact: r.importedFrom !== null,
      introducerId: r.introducerId === null ? null : Number(r.introducerId),
      importedFrom: r.importedFrom,
    });
  }
  return out;
}
