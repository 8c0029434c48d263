import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBody, confirmResetBody, requestResetBody } from '../../../common/schemas/auth.ts';
import { addressKey } from '../../auth/client-address.ts';
import { hashPassword, passwordWeakness, verifyPassword, weakPassword } from '../../auth/password.ts';
import { EMAIL_LIMITS } from '../../auth/throttles.ts';
import { recordAudit } from '../../commands/audit.ts';
import { consumeEmailToken, issueEmailToken, peekEmailToken, voidEmailTokens } from '../../commands/auth/email-tokens.ts';
import { createSession, destroyAllSessions, destroySessionByHash, revokeAllAccessTokens } from '../../commands/auth/sessions.ts';
import { queueEmail } from '../../commands/queue-email.ts';
import { credentials, members, profiles } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { resetPasswordMessage } from '../../email/templates.ts';
import { badRequest, minutesOf, tooManyRequests } from '../../errors.ts';
import { resolveLocale } from '../../http/locale.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { setSessionCookie } from '../../http/session-cookie.ts';
import { afterReplyQueue } from './after-reply.ts';
import { accepted, sessionStarted, tags } from './shapes.ts';
import { viewerOf } from '../../viewer/request.ts';

const invalidResetLink = () => badRequest('invalid_link', { key: 'reset' });

/**
 * Password reset by email and password change. A new password always ends what the old one may have
 * let someone start: on a reset every session and access token (the member is proving control of the
 * address, not of any device); on a change, by default, every other session and token.
 */
export const passwordRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const afterReply = afterReplyQueue(app);

  app.post(
    '/auth/password-reset',
    {
      config: { auth: 'public', ...writeRateLimit(ctx.config) },
      schema: {
        tags,
        summary: 'Email a password-reset link (always answers the same, whether or not the address exists)',
        body: requestResetBody,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      // Counted per address asked about, known or not, so the 429 says nothing about accounts either.
      const key = `reset:${email}`;
      const wait = await ctx.throttles.emails.retryAfter(key, EMAIL_LIMITS.reset);
      if (wait > 0) throw tooManyRequests(wait, 'reset', { minutes: minutesOf(wait) });
      await ctx.throttles.emails.record(key);
      // Answer first, look up afterwards: the known address costs a write and an email, the unknown one
      // nothing, and doing either before answering let response times tell them apart.
      const acceptLanguage = request.headers['accept-language'];
      afterReply('password-reset email', () => sendResetLink(email, acceptLanguage));
      return reply.status(202).send({ ok: true as const });
    },
  );

  /** In the member's language, else the asking browser's (most often theirs), else the community's. */
  async function sendResetLink(email: string, acceptLanguage: string | undefined): Promise<void> {
    await inTransaction(ctx.db, async (tx, onCommit) => {
      const [m] = await tx
        .select({ id: members.id, name: profiles.name, locale: members.locale })
        .from(members)
        .innerJoin(profiles, eq(profiles.memberId, members.id))
        .where(eq(members.email, email));
      if (!m) return;
      const token = await issueEmailToken(tx, m.id, 'reset_password');
      const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await queueEmail(tx, { memberId: m.id, to: email, ...resetPasswordMessage(resolveLocale({ memberLocale: m.locale, acceptLanguage, defaultLocale: ctx.config.defaultLocale }), m.name, link) });
      onCommit(() => ctx.email.kick());
    });
  }

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { auth: 'public', ...writeRateLimit(ctx.config) },
      schema: { tags, summary: 'Choose a new password with the emailed token', body: confirmResetBody, response: { 200: accepted } },
    },
    async (request) => {
      // The link is checked before the password is hashed, so made-up links cost a look-up, not a hash.
      const found = await peekEmailToken(ctx.db, request.body.token, 'reset_password');
      if (!found) throw invalidResetLink();
      const [m] = await ctx.db.select({ email: members.email }).from(members).where(eq(members.id, found.memberId));
      const weakness = passwordWeakness(request.body.password, { email: m?.email });
      if (weakness) throw weakPassword(weakness, 'body.password');
      const passwordHash = await hashPassword(request.body.password, ctx.config.scryptLogN);
      await inTransaction(ctx.db, async (tx) => {
        // Consumed here, once, even if two requests raced past the check above.
        const memberId = await consumeEmailToken(tx, request.body.token, 'reset_password');
        if (!memberId) throw invalidResetLink();
        await tx.update(credentials).set({ passwordHash, updatedAt: new Date() }).where(eq(credentials.memberId, memberId));
        // Opening the emailed link proves the address too.
        await tx.update(members).set({ emailVerifiedAt: new Date() }).where(eq(members.id, memberId));
        const sessionsEnded = await destroyAllSessions(tx, memberId);
        const tokensRevoked = await revokeAllAccessTokens(tx, memberId, { actorId: memberId, reason: 'password.reset', ip: request.ip });
        await voidEmailTokens(tx, memberId, 'reset_password');
        await recordAudit(tx, {
          actorId: memberId,
          action: 'password.reset',
          subjectType: 'member',
          subjectId: memberId,
          data: { sessionsEnded, tokensRevoked: tokensRevoked.length },
          ip: request.ip,
        });
      });
      return { ok: true as const };
    },
  );

  app.put(
    '/me/password',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Change your password; by default also signs out every other session and revokes your access tokens',
        body: changePasswordBody,
        response: { 200: sessionStarted },
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      // Someone holding a stolen session must not get to guess the current password at leisure.
      const account = `member:${actor.id}`;
      const address = addressKey(request.ip);
      const wait = await ctx.throttles.passwordChange.retryAfter(account, address);
      if (wait > 0) throw tooManyRequests(wait, 'wrong_password', { minutes: minutesOf(wait) });
      const [row] = await ctx.db
        .select({ hash: credentials.passwordHash, email: members.email })
        .from(credentials)
        .innerJoin(members, eq(members.id, credentials.memberId))
        .where(eq(credentials.memberId, actor.id));
      if (!row || !(await verifyPassword(request.body.currentPassword, row.hash))) {
        await ctx.throttles.passwordChange.recordFailure(account, address);
        throw badRequest('wrong_password', { errors: [{ path: 'body.currentPassword', code: 'custom', key: 'field.not_correct' }] });
      }
      await ctx.throttles.passwordChange.recordSuccess(account, address);
      const weakness = passwordWeakness(request.body.newPassword, { email: row.email });
      if (weakness) throw weakPassword(weakness, 'body.newPassword');
      const passwordHash = await hashPassword(request.body.newPassword, ctx.config.scryptLogN);
      const { endOtherSessions } = request.body;
      const session = await inTransaction(ctx.db, async (tx) => {
        await tx.update(credentials).set({ passwordHash, updatedAt: new Date() }).where(eq(credentials.memberId, actor.id));
        let sessionsEnded = 0;
        let tokensRevoked: number[] = [];
        if (endOtherSessions) {
          sessionsEnded = await destroyAllSessions(tx, actor.id);
          // The token making this request is the member's "current session" when a script changes the password.
          tokensRevoked = await revokeAllAccessTokens(tx, actor.id, { actorId: actor.id, reason: 'password.change', ip: request.ip, keepId: actor.tokenId });
        } else if (actor.sessionHash) {
          // The current session rotates either way: a password change is a fresh sign-in.
          await destroySessionByHash(tx, actor.sessionHash);
        }
        await voidEmailTokens(tx, actor.id, 'reset_password');
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'password.change',
          subjectType: 'member',
          subjectId: actor.id,
          data: { endOtherSessions, sessionsEnded, tokensRevoked: tokensRevoked.length },
          ip: request.ip,
        });
        return createSession(tx, actor.id, ctx.config.sessionMaxAgeMs, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      });
      setSessionCookie(reply, ctx.config, session.sessionId);
      return { id: actor.id, handle: actor.handle, csrfToken: session.csrfToken };
    },
  );
};
