import type pg from 'pg';

/** The primary's WAL position at a moment: what a later check compares a replica's replay against. */
export interface PrimaryPosition {
  lsn: string;
  /** Date.now() just before the primary was asked. */
  at: number;
}

/** Where the primary's WAL is now (read before the replicas, so a replica can only look behind, never ahead). */
export async function primaryPosition(primary: pg.Pool, now: () => number = Date.now): Promise<PrimaryPosition> {
  const at = now();
  const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  return { lsn: rows[0]!.lsn, at };
}

interface ReplayRow {
  standby: boolean;
  behind: number | null;
  behindPrevious: number | null;
  sinceReplayMs: number | null;
}

/**
 * How far behind the primary a replica's data is, in milliseconds (0: it has replayed everything the
 * primary had written when `current` was read). Throws when the server is not a replica in recovery (a
 * promoted replica takes writes of its own, and its reads no longer follow the primary).
 *
 * Position first, time second. `now() - pg_last_xact_replay_timestamp()` alone reads as "stale" on an idle
 * primary: with no new commits, the last replayed commit just gets older while the replica has everything.
 * So the replica is compared with the primary's WAL position (`pg_current_wal_lsn()` read just before):
 * replayed up to it, the lag is 0. Only when it is behind is the lag turned into time, as the age of the
 * last commit it replayed: everything it lacks was committed after that, so it is at most that stale.
 *
 * That bound is loose after a long idle spell (one write, and the last replayed commit is an hour old), so
 * the position of the previous check tightens it: a replica that has replayed what the primary had at the
 * previous check is missing nothing committed before then, so it is at most that check's age behind. A
 * busy replica is then measured within a check interval, and an idle primary's first write does not evict
 * a replica that is keeping up. (The timestamps come from the primary's clock and `now()` from the
 * replica's: keep their clocks synchronised, as for any streaming replica.)
 */
export async function replicaLagMs(replica: pg.Pool, current: PrimaryPosition, previous: PrimaryPosition | null, now: () => number = Date.now): Promise<number> {
  const { rows } = await replica.query<ReplayRow>(
    `SELECT pg_is_in_recovery() AS standby,
            pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::float8 AS behind,
            pg_wal_lsn_diff($2::pg_lsn, pg_last_wal_replay_lsn())::float8 AS "behindPrevious",
            (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS "sinceReplayMs"`,
    [current.lsn, (previous ?? current).lsn],
  );
  const r = rows[0]!;
  if (!r.standby) throw new Error('not a replica: the server is not in recovery (promoted, or not a standby)');
  if (r.behind === null) throw new Error('the replica has not replayed any WAL yet');
  if (r.behind <= 0) return 0;
  const bounds = [r.sinceReplayMs ?? Number.POSITIVE_INFINITY];
  if (previous && r.behindPrevious !== null && r.behindPrevious <= 0) bounds.push(now() - previous.at);
  return Math.max(0, Math.min(...bounds));
}
