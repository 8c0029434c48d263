import { eq } from 'drizzle-orm';
import { addressKey } from '../../auth/client-address.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import type { AppContext } from '../../context.ts';
import { credentials, members } from '../../db/schema.ts';
import { AppError, forbidden, minutesOf, tooManyRequests } from '../../errors.ts';

export interface CheckedMember {
  id: number;
  handle: string;
  status: 'active' | 'suspended' | 'deleted';
}

/**
 * Checks an email and password under the sign-in throttle (server/auth/login-throttle.ts), for sign-in
 * and for token creation; returns the member or throws 401, 403 or 429. A throttled attempt is refused
 * before the password is hashed: it costs nothing and says nothing about the password.
 */
export function credentialCheck(ctx: AppContext): (email: string, password: string, ip: string) => Promise<CheckedMember> {
  // Verifying against a throwaway hash when the email is unknown keeps response time from revealing accounts.
  const decoyHash = hashPassword('decoy-password-never-valid', ctx.config.scryptLogN);
  return async (email, password, ip) => {
    const address = addressKey(ip);
    const throttle = ctx.throttles.signIn;
    const wait = await throttle.retryAfter(email, address);
    if (wait > 0) throw tooManyRequests(wait, 'sign_in', { minutes: minutesOf(wait) });
    const [row] = await ctx.db
      .select({ id: members.id, handle: members.handle, status: members.status, hash: credentials.passwordHash })
      .from(members)
      .innerJoin(credentials, eq(credentials.memberId, members.id))
      .where(eq(members.email, email));
    const ok = await verifyPassword(password, row?.hash ?? (await decoyHash));
    if (!row || !ok) {
      await throttle.recordFailure(email, address);
      throw new AppError(401, 'invalid_credentials');
    }
    await throttle.recordSuccess(email, address);
    if (row.status === 'suspended') {
      throw forbidden('account_suspended');
    }
    return { id: row.id, handle: row.handle, status: row.status };
  };
}
