import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { accessTokens, members, sessions } from '../../db/schema.ts';
import { hasSecretShape, hashSecret, newSecret } from '../../auth/secrets.ts';
import { recordAudit } from '../audit.ts';
import type { Actor } from '../../auth/actor.ts';
import { credentialsRevoked } from '../../auth/credential-cache.ts';

const SESSION_PREFIX = 'rs';
const TOKEN_PREFIX = 'rapport_pat';

/** Whether a session cookie could be one we issued; anything else is refused without a look-up. */
export const isWellFormedSessionId = (value: string) => hasSecretShape(value, SESSION_PREFIX);

/** Whether a bearer token could be one we issued; anything else is refused without a look-up. */
export const isWellFormedAccessToken = (value: string) => hasSecretShape(value, TOKEN_PREFIX);

/** Starts a session and returns the raw id for the cookie; the database keeps only its hash. */
export async function createSession(
  db: DbOrTx,
  memberId: number,
  maxAgeMs: number,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<{ sessionId: string; csrfToken: string }> {
  const sessionId = newSecret(SESSION_PREFIX);
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
  await destroySessionByHash(db, hashSecret(sessionId));
}

/** Ends one session known by its stored hash (the current one, which the request carries as `actor.sessionHash`). */
export async function destroySessionByHash(db: DbOrTx, idHash: string): Promise<void> {
  const ended = await db.delete(sessions).where(eq(sessions.idHash, idHash)).returning({ memberId: sessions.memberId });
  for (const { memberId } of ended) credentialsRevoked(db, memberId);
}

/** Ends every session of a member (password change or reset, suspension); returns how many there were. */
export async function destroyAllSessions(db: DbOrTx, memberId: number): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.memberId, memberId)).returning({ idHash: sessions.idHash });
  credentialsRevoked(db, memberId);
  return ended.length;
}

/**
 * Revokes every personal access token of a member, except `keepId` (the token making the request, when
 * a member changes their password from a script). The rows stay, with `revoked_at` and one audit entry
 * each, so the trail of what a token did and when it stopped survives. Returns the revoked ids.
 */
export async function revokeAllAccessTokens(
  db: DbOrTx,
  memberId: number,
  why: { actorId: number; reason: 'password.change' | 'password.reset' | 'member.suspend'; ip?: string | null; keepId?: number | null },
): Promise<number[]> {
  const revoked = await db
    .update(accessTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(accessTokens.memberId, memberId),
        isNull(accessTokens.revokedAt),
        why.keepId == null ? undefined : ne(accessTokens.id, why.keepId),
      ),
    )
    .returning({ id: accessTokens.id });
  credentialsRevoked(db, memberId);
  for (const { id } of revoked) {
    await recordAudit(db, {
      actorId: why.actorId,
      action: 'token.revoke',
      subjectType: 'access_token',
      subjectId: id,
      data: { reason: why.reason },
      ip: why.ip ?? null,
    });
  }
  return revoked.map((r) => r.id);
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
    .select({ ...actorColumns, tokenId: accessTokens.id })
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
  const token = newSecret(TOKEN_PREFIX);
  const [row] = await db
    .insert(accessTokens)
    .values({ memberId, name, tokenHash: hashSecret(token), prefix: token.slice(0, 16) })
    .returning();
  if (!row) throw new Error('token insert returned nothing');
  return { token, id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}
