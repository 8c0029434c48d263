/**
 * What the operator's Community page reads (issue 15): the rollups as the community.rollup job keeps them
 * (commands/community/rollups.ts), and the newcomers who have not found their people yet. Aggregates and
 * public profile facts only: nothing from members' private notes, tags, ledgers or gardens.
 */
import { sql } from 'drizzle-orm';
import type { CommunityCohort, CommunityGrowthDay, CommunityNewcomer } from '../../../common/schemas/community.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';

/** A newcomer: joined at least this many days ago… */
export const NEWCOMER_MIN_DAYS = 14;
/** …and at most this many (older quiet accounts are no longer newcomers). */
export const NEWCOMER_MAX_DAYS = 56;
/** Fewer connections than this after two weeks: worth helping in. */
export const NEWCOMER_CONNECTIONS = 3;
/** The longest newcomer list the page shows (the most recent first). */
export const NEWCOMERS_SHOWN = 50;

/** One row of community_daily as read back (the rollup's own test reads it the same way). */
export interface DailyRow {
  day: string;
  members: number;
  new_members: number;
  active_members: number;
  monthly_active: number;
  posts: number;
  messages: number;
  invitations_sent: number;
  invitations_accepted: number;
}

/** The daily rollup from `from` to `to` (inclusive), oldest first. */
export async function loadGrowth(db: DbOrTx, from: string, to: string): Promise<CommunityGrowthDay[]> {
  const found = await rows<DailyRow>(
    db,
    sql`SELECT day::text AS day, members, new_members, active_members, monthly_active, posts, messages, invitations_sent, invitations_accepted
          FROM community_daily WHERE day BETWEEN ${from}::date AND ${to}::date ORDER BY day`,
  );
  return found.map((r) => {
    const mau = Number(r.monthly_active);
    return {
      day: r.day,
      members: Number(r.members),
      newMembers: Number(r.new_members),
      activeMembers: Number(r.active_members),
      monthlyActive: mau,
      dauMau: mau > 0 ? Math.round((Number(r.active_members) / mau) * 1000) / 1000 : null,
      posts: Number(r.posts),
      messages: Number(r.messages),
      invitationsSent: Number(r.invitations_sent),
      invitationsAccepted: Number(r.invitations_accepted),
    };
  });
}

/** The cohorts whose signup week starts between `from` and `to`, newest first, each with its weeks in order. */
export async function loadCohorts(db: DbOrTx, from: string, to: string): Promise<CommunityCohort[]> {
  const found = await rows<{ cohort_week: string; week_offset: number; members: number; active: number }>(
    db,
    sql`SELECT cohort_week::text AS cohort_week, week_offset, members, active FROM community_cohorts
         WHERE cohort_week BETWEEN date_trunc('week', ${from}::date)::date AND ${to}::date
         ORDER BY cohort_week DESC, week_offset`,
  );
  const cohorts = new Map<string, CommunityCohort>();
  for (const r of found) {
    const members = Number(r.members);
    let cohort = cohorts.get(r.cohort_week);
    if (!cohort) {
      cohort = { week: r.cohort_week, members, retention: [] };
      cohorts.set(r.cohort_week, cohort);
    }
    // The size as last counted (a later cell is computed later: deleted accounts have left it).
    cohort.members = members;
    const active = Number(r.active);
    cohort.retention.push({ week: Number(r.week_offset), active, share: members > 0 ? Math.round((active / members) * 1000) / 1000 : 0 });
  }
  return [...cohorts.values()].filter((c) => c.members > 0);
}

/**
 * Active members who joined 2 to 8 weeks before `now` with fewer than 3 connections, the most recent first.
 * Read live (not from the rollup), so a newcomer the operator helped in leaves the list as soon as they connect;
 * each newcomer's connections are counted only up to 3, over the members_created index's few weeks of signups.
 */
export async function loadNewcomers(db: DbOrTx, now: Date): Promise<CommunityNewcomer[]> {
  const newest = new Date(now.getTime() - NEWCOMER_MIN_DAYS * 86_400_000).toISOString();
  const oldest = new Date(now.getTime() - NEWCOMER_MAX_DAYS * 86_400_000).toISOString();
  const found = await rows<{ handle: string; name: string; joined_at: string | Date; connections: number }>(
    db,
    sql`SELECT m.handle, p.name, m.created_at AS joined_at, c.n AS connections
          FROM members m
          JOIN profiles p ON p.member_id = m.id
          CROSS JOIN LATERAL (
            SELECT count(*)::int AS n FROM (SELECT 1 FROM connections WHERE member_id = m.id LIMIT ${NEWCOMER_CONNECTIONS}) few
          ) c
         WHERE m.created_at BETWEEN ${oldest}::timestamptz AND ${newest}::timestamptz
           AND m.status = 'active' AND c.n < ${NEWCOMER_CONNECTIONS}
         ORDER BY m.created_at DESC, m.id DESC
         LIMIT ${NEWCOMERS_SHOWN}`,
  );
  return found.map((r) => ({
    handle: r.handle,
    name: r.name,
    joinedAt: new Date(r.joined_at).toISOString(),
    connections: Number(r.connections),
  }));
}

/** When the job last computed the rollups; null before its first run. */
export async function rollupUpdatedAt(db: DbOrTx): Promise<string | null> {
  const [row] = await rows<{ at: string | Date | null }>(db, sql`SELECT max(computed_at) AS at FROM community_daily`);
  return row?.at ? new Date(row.at).toISOString() : null;
}
