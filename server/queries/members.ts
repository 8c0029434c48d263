import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { members } from '../db/schema.ts';
import { notFound } from '../errors.ts';

/** The active member behind a handle, or 404. */
export async function memberByHandle(db: DbOrTx, handle: string): Promise<{ id: number; status: 'active' | 'suspended' | 'deleted' }> {
  const [m] = await db.select({ id: members.id, status: members.status }).from(members).where(eq(members.handle, handle));
  if (!m || m.status !== 'active') throw notFound('member');
  return m;
}
