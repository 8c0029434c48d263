import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { connections } from '../../db/schema.ts';

/** Read inside the caller's transaction, which holds the members' locks, so the answer stands until it commits. */
export async function areConnected(tx: Tx, a: number, b: number): Promise<boolean> {
  const [row] = await tx.select({ one: sql`1` }).from(connections).where(and(eq(connections.memberId, a), eq(connections.otherId, b))).limit(1);
  return row !== undefined;
}

export async function connectionCount(tx: Tx, memberId: number): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(connections).where(eq(connections.memberId, memberId));
  return row?.n ?? 0;
}
