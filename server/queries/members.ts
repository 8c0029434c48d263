import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { members } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { hiddenByBlockRefusal } from '../policies/people.ts';
import { blockBetween } from './network/blocks.ts';

/** The active member behind a handle, or 404. */
export async function memberByHandle(db: DbOrTx, handle: string): Promise<{ id: number; status: 'active' | 'suspended' | 'deleted' }> {
  const [m] = await db.select({ id: members.id, status: members.status }).from(members).where(eq(members.handle, handle));
  if (!m || m.status !== 'active') throw notFound('member');
  return m;
}

/**
 * The active member behind a handle as the viewer may name them in a write: 404 as for a handle nobody has
 * when there is none, and when they blocked the viewer (`hiddenByBlockRefusal`).
 */
export async function approachableMemberByHandle(db: DbOrTx, viewerId: number, handle: string): Promise<{ id: number; status: 'active' | 'suspended' | 'deleted' }> {
  const member = await memberByHandle(db, handle);
  const refusal = hiddenByBlockRefusal(await blockBetween(db, viewerId, member.id));
  if (refusal) throw refusal;
  return member;
}
