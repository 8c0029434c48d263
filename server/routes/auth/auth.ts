import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTokenWithPasswordBody, emailTokenBody, loginBody, tokenCreated } from '../../../common/schemas/auth.ts';
import { EMAIL_LIMITS } from '../../auth/throttles.ts';
import { recordAudit } from '../../commands/audit.ts';
import { consumeEmailToken, issueEmailToken } from '../../commands/auth/email-tokens.ts';
import { createAccessToken, createSession, destroySession } from '../../commands/auth/sessions.ts';
import { queueEmail } from '../../commands/queue-email.ts';
import { members, profiles } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { verifyEmailMessage } from '../../email/templates.ts';
import { badRequest, minutesOf, tooManyRequests } from '../../errors.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { resolveLocale } from '../../http/locale.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { passwordRoutes } from './password.ts';
import { accepted, sessionStarted, tags } from './shapes.ts';
import { credentialCheck } from './sign-in.ts';
import { signupRoutes } from './signup.ts';
import { viewerOf } from '../../viewer/request.ts';

/** Sign-up, sign-in and out, access tokens by password, email confirmation and passwords. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const checkCredentials = credentialCheck(ctx);
  await app.register(signupRoutes);
  await app.register(passwordRoutes);

  app.post(
    '/auth/login',
    {
      config: { auth: 'public', dbPriority: 'high', ...writeRateLimit(ctx.config) },
      schema: { tags, summary: 'Sign in with email and password', body: loginBody, response: { 200: sessionStarted } },
    },
    async (request, reply) => {
      const member = await checkCredentials(request.body.email, request.body.password, request.ip);
      // Rotate: any session this browser already had is ended, so a planted session id is never promoted.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await destroySession(ctx.db, previous);
      const session = await createSession(ctx.db, member.id, ctx.config.sessionMaxAgeMs, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, ctx.config, session.sessionId);
      return { id: member.id, handle: member.handle, csrfToken: session.csrfToken };
    },
  );

  // Signing out is never refused by a write budget: ending a session only ever takes access away.
  app.post(
    '/auth/logout',
    { config: { allowSuspended: true }, schema: { tags, summary: 'End the current session', response: { 200: accepted } } },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await destroySession(ctx.db, sessionId);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/tokens',
    {
      config: { auth: 'public', dbPriority: 'high', ...writeRateLimit(ctx.config) },
      schema: {
        tags,
        summary: 'Create a personal access token with email and password (for scripts)',
        body: createTokenWithPasswordBody,
        response: { 201: tokenCreated },
      },
    },
    async (request, reply) => {
      const member = await checkCredentials(request.body.email, request.body.password, request.ip);
      const created = await inTransaction(ctx.db, async (tx) => {
        const token = await createAccessToken(tx, member.id, request.body.name);
        await recordAudit(tx, { actorId: member.id, action: 'token.create', subjectType: 'access_token', subjectId: token.id, ip: request.ip });
        return token;
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: { auth: 'public', ...writeRateLimit(ctx.config) },
      schema: { tags, summary: 'Confirm an email address with the emailed token', body: emailTokenBody, response: { 200: accepted } },
    },
    async (request) => {
      await inTransaction(ctx.db, async (tx) => {
        const memberId = await consumeEmailToken(tx, request.body.token, 'verify_email');
        if (!memberId) throw badRequest('invalid_link', { key: 'confirmation' });
        await tx.update(members).set({ emailVerifiedAt: new Date() }).where(eq(members.id, memberId));
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/verify-email/resend',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Send the confirmation email again (a few times an hour at most)', response: { 200: accepted } },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      const key = `confirmation:${actor.id}`;
      const wait = await ctx.throttles.emails.retryAfter(key, EMAIL_LIMITS.confirmation);
      if (wait > 0) throw tooManyRequests(wait, 'confirmation', { minutes: minutesOf(wait) });
      const queued = await inTransaction(ctx.db, async (tx, onCommit) => {
        const [m] = await tx
          .select({ email: members.email, verified: members.emailVerifiedAt, name: profiles.name, locale: members.locale })
          .from(members)
          .innerJoin(profiles, eq(profiles.memberId, members.id))
          .where(eq(members.id, actor.id));
        if (!m || m.verified) return false;
        const token = await issueEmailToken(tx, actor.id, 'verify_email');
        const link = `${ctx.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
        const locale = resolveLocale({ memberLocale: m.locale, acceptLanguage: request.headers['accept-language'], defaultLocale: ctx.config.defaultLocale });
        await queueEmail(tx, { memberId: actor.id, to: m.email, ...verifyEmailMessage(locale, m.name, link) });
        onCommit(() => ctx.email.kick());
        return true;
      });
      // Counted after the transaction, never inside it: the throttle may keep its attempts on the database,
      // and embedded PGlite's one connection is the transaction's until it ends.
      if (queued) await ctx.throttles.emails.record(key);
      return { ok: true as const };
    },
  );
};
