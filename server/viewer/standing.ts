import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';
import type { Blocks } from '../queries/network/avoid.ts';

/** An invitation between the viewer and someone that is open as the viewer sees it (the rule of relationColumns). */
export interface OpenInvitation {
  id: number;
  senderId: number;
  /** The recipient answered "I don't know this person": still open to its sender, second to any other. */
  dontKnow: boolean;
  expiresAtMs: number;
}

/**
 * The viewer's standing with everyone else that is cheap to hold: their blocks both ways and their open
 * invitations both ways. Connections and follows are the graph index's; the rest of a relation (the
 * invitation that made a connection) is per pair.
 */
export interface ViewerStanding {
  blocks: Blocks;
  /** Open invitations by the other member's id; null when the viewer has too many to hold (ask per pair). */
  invitations: ReadonlyMap<number, OpenInvitation> | null;
}

/** More open invitations than this and the standing holds none (the relation is then read per pair). */
export const OPEN_INVITATIONS_HELD = 1_000;

interface StandingRow {
  viewerId: number;
  kind: 'block' | 'invitation';
  fromId: number;
  toId: number;
  id: string | number | null;
  status: string | null;
  expiresAtMs: number | string | null;
}

/** One viewer's blocks and open invitations, both ways, in one statement (see loadStandings). */
export async function loadStanding(db: DbOrTx, viewerId: number): Promise<ViewerStanding> {
  return (await loadStandings(db, [viewerId])).get(viewerId)!;
}

/**
 * Blocks and open invitations of several viewers, both ways, in one statement (the read caches refresh
 * the standings of the viewers active right now together). An invitation counts as open as
 * relationColumns (hydration/relations.ts) says: pending or ignored, or "I don't know this person" to its
 * sender, not expired, and not held by the platform unless the viewer sent it.
 */
export async function loadStandings(db: DbOrTx, viewerIds: readonly number[]): Promise<Map<number, ViewerStanding>> {
  const found = await rows<StandingRow>(
    db,
    sql`WITH v(id) AS (SELECT DISTINCT unnest(${intArray(viewerIds)}::int[]))
        SELECT v.id AS "viewerId", 'block' AS kind, b.blocker_id AS "fromId", b.blocked_id AS "toId", NULL::bigint AS id, NULL::text AS status, NULL::float8 AS "expiresAtMs"
          FROM v JOIN blocks b ON b.blocker_id = v.id OR b.blocked_id = v.id
        UNION ALL
        SELECT v.id, 'invitation', i.sender_id, i.recipient_id, i.id, i.status, extract(epoch FROM i.expires_at)::float8 * 1000
          FROM v CROSS JOIN LATERAL (
                 SELECT i.sender_id, i.recipient_id, i.id, i.status, i.expires_at
                   FROM invitations i
                  WHERE (i.sender_id = v.id OR i.recipient_id = v.id)
                    AND (i.status IN ('pending', 'ignored') OR (i.status = 'dont_know' AND i.sender_id = v.id))
                    AND i.expires_at > now()
                    AND NOT (i.folder = 'held' AND i.sender_id <> v.id)
                  LIMIT ${OPEN_INVITATIONS_HELD + 1}) i`,
  );
  const built = new Map(viewerIds.map((id) => [id, { iBlocked: new Set<number>(), blockedMe: new Set<number>(), invitations: new Map<number, OpenInvitation>(), held: 0 }]));
  for (const r of found) {
    const viewerId = r.viewerId;
    const b = built.get(viewerId);
    if (!b) continue;
    if (r.kind === 'block') {
      if (r.fromId === viewerId) b.iBlocked.add(r.toId);
      else b.blockedMe.add(r.fromId);
      continue;
    }
    b.held++;
    const other = r.fromId === viewerId ? r.toId : r.fromId;
    const invitation = { id: Number(r.id), senderId: r.fromId, dontKnow: r.status === 'dont_know', expiresAtMs: Number(r.expiresAtMs) };
    // One the other member sent since comes before an answered "I don't know" (the ORDER BY of relationColumns).
    const kept = b.invitations.get(other);
    if (!kept || (kept.dontKnow && !invitation.dontKnow)) b.invitations.set(other, invitation);
  }
  const out = new Map<number, ViewerStanding>();
  for (const [id, b] of built) {
    out.set(id, {
      blocks: { iBlocked: b.iBlocked, blockedMe: b.blockedMe, avoid: new Set([...b.iBlocked, ...b.blockedMe]) },
      invitations: b.held > OPEN_INVITATIONS_HELD ? null : b.invitations,
    });
  }
  return out;
}

/** The open invitation between the viewer and `otherId` at `nowMs`, from a standing that holds them. */
export function openInvitationWith(invitations: ReadonlyMap<number, OpenInvitation>, otherId: number, nowMs: number): OpenInvitation | null {
  const open = invitations.get(otherId);
  // A standing lives up to a second: one that expired meanwhile is closed (expiry is lazy in the table too).
  return open && open.expiresAtMs > nowMs ? open : null;
}
