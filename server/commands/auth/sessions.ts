import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { accessTokens, members, sessions } from '../../db/schema.ts';
import { hashSecret, newSecret } from '../../auth/secrets.ts';

export interface Actor {
  id: number;
  handle: string;
  role: 'member' | 'admin';
  status: 'active' | 'suspended';
  via: 'session' | 'token';
  sessionHash: string | null;
  csrfToken: string | null;
}

/** Starts a session and returns the raw id for the cookie; the database keeps only its hash. */
export async function createSession(
  db: DbOrTx,
  memberId: number,
  maxAgeMs: number,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<{ sessionId: string; csrfToken: string }> {
  const sessionId = newSecret('rs');
  const csrfToken = newSecret('rc', 18);
  await db.insert(sessions).values({
    idHash: hashSecret(sessionId),
    memberId,
    csrfToken,
    expiresAt: new Date(Date.now() + maxAgeMs),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { sessionId, csrfToken };
}

export async function destroySession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashSecret(sessionId)));
}

/** Ends every session of a member (password change or reset, suspension). */
export async function destroyAllSessions(db: DbOrTx, memberId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.memberId, memberId));
}

const actorColumns = { id: members.id, handle: members.handle, role: members.role, status: members.status };

export async function actorFromSession(db: DbOrTx, sessionId: string): Promise<Actor | null> {
  const idHash = hashSecret(sessionId);
  const [row] = await db
    .select({ ...actorColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date())));
  return row ? { ...row, via: 'session', sessionHash: idHash } : null;
}

export async function actorFromToken(db: DbOrTx, token: string): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const [row] = await db
    .select(actorColumns)
    .from(accessTokens)
    .innerJoin(members, eq(members.id, accessTokens.memberId))
    .where(and(eq(accessTokens.tokenHash, tokenHash), isNull(accessTokens.revokedAt)));
  if (!row) return null;
  // Last-used is informational; a coarse update keeps token traffic from writing on every request.
  await db
    .update(accessTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(accessTokens.tokenHash, tokenHash),
        sql`(${accessTokens.lastUsedAt} IS NULL OR ${accessTokens.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
  return { ...row, via: 'token', sessionHash: null, csrfToken: null };
}

/** Creates a personal access token; the raw token is returned once and never stored. */
export async function createAccessToken(db: DbOrTx, memberId: number, name: string) {
  const token = newSecret('rapport_pat');
  const [row] = await db
    .insert(accessTokens)
    .values({ memberId, name, tokenHash: hashSecret(token), prefix: token.slice(0, 16) })
    .returning();
  if (!row) throw new Error('token insert returned nothing');
  return { token, id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}
