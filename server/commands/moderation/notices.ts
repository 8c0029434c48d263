import type { Reason } from '../../../common/reasons.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { memberNotices } from '../../db/schema.ts';

export type NoticeKind = 'warning' | 'restriction' | 'lifted' | 'role' | 'removal';

/**
 * Tells a member what an operator (or the platform) decided about them; shown until they mark it read.
 * The notice is stored as its code and parameters (a `notice.*` reason, common/reasons.ts) and rendered
 * when read. `endsAt` is the end of a time-limited restriction, which the web app shows in the member's
 * own time.
 */
export async function sendNotice(db: DbOrTx, memberId: number, kind: NoticeKind, notice: Reason, endsAt: Date | null = null): Promise<void> {
  await db.insert(memberNotices).values({ memberId, kind, code: notice.code, params: notice.params, endsAt });
}
