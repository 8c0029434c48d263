import type { DbOrTx } from '../../db/connection.ts';
import { memberNotices } from '../../db/schema.ts';

export type NoticeKind = 'warning' | 'restriction' | 'lifted';

/** Tells a member what an operator (or the platform) decided about them; shown until they mark it read. */
export async function sendNotice(db: DbOrTx, memberId: number, kind: NoticeKind, message: string): Promise<void> {
  await db.insert(memberNotices).values({ memberId, kind, message });
}
