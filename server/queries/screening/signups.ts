/** Sign-ups counted by registration risk (server/screening/registration.ts). */
import { and, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { members, signupEvents } from '../../db/schema.ts';

/** Counted sign-ups (those with a subnet) matching `match` within `windowMs` before `at`. */
export async function countSignupsBefore(db: DbOrTx, match: SQL, at: SQL, windowMs: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signupEvents)
    .where(and(match, isNotNull(signupEvents.subnet), gte(signupEvents.createdAt, sql`${at} - ${windowMs} * interval '1 millisecond'`), lte(signupEvents.createdAt, at)));
  return row?.n ?? 0;
}

export const sameIp = (ip: string) => eq(signupEvents.ip, ip);
export const sameSubnet = (subnet: string) => eq(signupEvents.subnet, subnet);

export async function memberRole(db: DbOrTx, memberId: number): Promise<'member' | 'admin'> {
  const [member] = await db.select({ role: members.role }).from(members).where(eq(members.id, memberId));
  return member?.role ?? 'member';
}
