import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';

/** A member's last request is recorded to this precision: at most one write per member per hour. */
export const LAST_SEEN_PRECISION_MS = 3_600_000;
/** Remembered members beyond which the ones touched over an hour ago are forgotten. */
const REMEMBERED_MAX = 50_000;

/**
 * Records when each member was last seen (`members.last_seen_at`), which decides who has been away for the
 * weekly digest. Cheap by design: the first request of a member in an hour, in this process, writes; the
 * write itself changes nothing when another process wrote within the hour; it is never awaited, so no
 * request waits on it, and a failure costs only precision.
 */
export class LastSeen {
  private readonly touched = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes that the member made a request now; writes only if this process has not within the hour. */
  touch(memberId: number): void {
    const now = this.now();
    const last = this.touched.get(memberId);
    if (last !== undefined && now - last < LAST_SEEN_PRECISION_MS) return;
    if (this.touched.size >= REMEMBERED_MAX) this.forgetOld(now);
    this.touched.set(memberId, now);
    this.db
      .execute(sql`UPDATE members SET last_seen_at = now() WHERE id = ${memberId} AND last_seen_at < now() - interval '1 hour'`)
      .catch(this.onError);
  }

  private forgetOld(now: number): void {
    for (const [id, at] of this.touched) if (now - at >= LAST_SEEN_PRECISION_MS) this.touched.delete(id);
  }
}
