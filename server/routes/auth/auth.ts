import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  confirmResetBody,
  createTokenWithPasswordBody,
  emailTokenBody,
  loginBody,
  requestResetBody,
  signupBody,
  tokenCreated,
} from '../../../common/schemas/auth.ts';
import { hashPassword, passwordWeakness, verifyPassword } from '../../auth/password.ts';
import { recordAudit } from '../../commands/audit.ts';
import { consumeEmailToken, issueEmailToken } from '../../commands/auth/email-tokens.ts';
import {
  createAccessToken,
  createSession,
  destroyAllSessions,
  destroySession,
} from '../../commands/auth/sessions.ts';
import { createMember } from '../../commands/members/create-member.ts';
import { queueEmail } from '../../commands/queue-email.ts';
import { credentials, members, profiles } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { resetPasswordMessage, verifyEmailMessage } from '../../email/templates.ts';
import { AppError, badRequest, forbidden, tooManyRequests } from '../../errors.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { screenSignup } from '../../screening/signup.ts';

const sessionStarted = z.object({ id: z.number(), handle: z.string(), csrfToken: z.string() });
const accepted = z.object({ ok: z.literal(true) });
const tags = ['auth'];

// Verifying against a throwaway hash when the email is unknown keeps response time from revealing accounts.
let decoyHash: Promise<string> | null = null;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  decoyHash ??= hashPassword('decoy-password-never-valid', ctx.config.scryptLogN);

  /** Checks email and password under the sign-in throttle; returns the member or throws 401/403/429. */
  async function checkCredentials(email: string, password: string, ip: string) {
    const keys = [`ip:${ip}`, `acct:${email}`];
    const wait = ctx.loginThrottle.retryAfter(keys);
    if (wait > 0) throw tooManyRequests(wait, `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`);
    const [row] = await ctx.db
      .select({ id: members.id, handle: members.handle, status: members.status, hash: credentials.passwordHash })
      .from(members)
      .innerJoin(credentials, eq(credentials.memberId, members.id))
      .where(eq(members.email, email));
    const ok = await verifyPassword(password, row?.hash ?? (await decoyHash!));
    if (!row || !ok) {
      ctx.loginThrottle.recordFailure(keys);
      throw new AppError(401, 'invalid_credentials', 'The email address or password is not correct.');
    }
    ctx.loginThrottle.reset(`acct:${email}`);
    if (row.status === 'suspended') {
      throw forbidden('account_suspended', 'This account is suspended. Contact the operator of this community.');
    }
    return row;
  }

  app.post(
    '/auth/signup',
    {
      config: { auth: 'public', dbPriority: 'high' },
      schema: { tags, summary: 'Create an account and start a session', body: signupBody, response: { 201: sessionStarted } },
    },
    async (request, reply) => {
      const { email, password, name } = request.body;
      const weakness = passwordWeakness(password, { email, name });
      if (weakness) throw badRequest('weak_password', weakness, [{ path: 'body.password', message: weakness }]);
      const passwordHash = await hashPassword(password, ctx.config.scryptLogN);
      const result = await inTransaction(ctx.db, async (tx, onCommit) => {
        const member = await createMember(tx, { email, name, passwordHash, ip: request.ip, mayBecomeOperator: true }, ctx.config.publicUrl);
        // Registration risk (screening issue): may hold or limit the new account and flag it for operators.
        await screenSignup(tx, { memberId: member.id, email, ip: request.ip, config: ctx.config.screening });
        const session = await createSession(tx, member.id, ctx.config.sessionMaxAgeMs, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        onCommit(() => ctx.email.kick());
        return { member, session };
      });
      setSessionCookie(reply, ctx.config, result.session.sessionId);
      return reply
        .status(201)
        .send({ id: result.member.id, handle: result.member.handle, csrfToken: result.session.csrfToken });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { auth: 'public', dbPriority: 'high' },
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
      config: { auth: 'public', dbPriority: 'high' },
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
      config: { auth: 'public' },
      schema: { tags, summary: 'Confirm an email address with the emailed token', body: emailTokenBody, response: { 200: accepted } },
    },
    async (request) => {
      await inTransaction(ctx.db, async (tx) => {
        const memberId = await consumeEmailToken(tx, request.body.token, 'verify_email');
        if (!memberId) throw badRequest('invalid_token', 'This confirmation link is invalid or has expired. Ask for a new one.');
        await tx.update(members).set({ emailVerifiedAt: new Date() }).where(eq(members.id, memberId));
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/verify-email/resend',
    { schema: { tags, summary: 'Send the confirmation email again', response: { 200: accepted } } },
    async (request) => {
      const actor = request.actor!;
      await inTransaction(ctx.db, async (tx, onCommit) => {
        const [m] = await tx
          .select({ email: members.email, verified: members.emailVerifiedAt, name: profiles.name })
          .from(members)
          .innerJoin(profiles, eq(profiles.memberId, members.id))
          .where(eq(members.id, actor.id));
        if (!m || m.verified) return;
        const token = await issueEmailToken(tx, actor.id, 'verify_email');
        const link = `${ctx.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
        await queueEmail(tx, { memberId: actor.id, to: m.email, ...verifyEmailMessage(m.name, link) });
        onCommit(() => ctx.email.kick());
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Email a password-reset link (always answers the same, whether or not the address exists)',
        body: requestResetBody,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      const wait = ctx.loginThrottle.retryAfter([`reset:${request.body.email}`, `ip:${request.ip}`]);
      if (wait > 0) throw tooManyRequests(wait);
      ctx.loginThrottle.recordFailure([`reset:${request.body.email}`]);
      await inTransaction(ctx.db, async (tx, onCommit) => {
        const [m] = await tx
          .select({ id: members.id, name: profiles.name })
          .from(members)
          .innerJoin(profiles, eq(profiles.memberId, members.id))
          .where(eq(members.email, request.body.email));
        if (!m) return;
        const token = await issueEmailToken(tx, m.id, 'reset_password');
        const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await queueEmail(tx, { memberId: m.id, to: request.body.email, ...resetPasswordMessage(m.name, link) });
        onCommit(() => ctx.email.kick());
      });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'Choose a new password with the emailed token', body: confirmResetBody, response: { 200: accepted } },
    },
    async (request) => {
      const passwordHash = await hashPassword(request.body.password, ctx.config.scryptLogN);
      await inTransaction(ctx.db, async (tx) => {
        const memberId = await consumeEmailToken(tx, request.body.token, 'reset_password');
        if (!memberId) throw badRequest('invalid_token', 'This reset link is invalid or has expired. Ask for a new one.');
        const [m] = await tx.select({ email: members.email }).from(members).where(eq(members.id, memberId));
        const weakness = passwordWeakness(request.body.password, { email: m?.email });
        if (weakness) throw badRequest('weak_password', weakness, [{ path: 'body.password', message: weakness }]);
        await tx.update(credentials).set({ passwordHash, updatedAt: new Date() }).where(eq(credentials.memberId, memberId));
        // Opening the emailed link proves the address too.
        await tx.update(members).set({ emailVerifiedAt: new Date() }).where(eq(members.id, memberId));
        await destroyAllSessions(tx, memberId);
        await recordAudit(tx, { actorId: memberId, action: 'password.reset', subjectType: 'member', subjectId: memberId, ip: request.ip });
      });
      return { ok: true as const };
    },
  );

  app.put(
    '/me/password',
    { schema: { tags, summary: 'Change your password', body: changePasswordBody, response: { 200: sessionStarted } } },
    async (request, reply) => {
      const actor = request.actor!;
      const [row] = await ctx.db
        .select({ hash: credentials.passwordHash, email: members.email })
        .from(credentials)
        .innerJoin(members, eq(members.id, credentials.memberId))
        .where(eq(credentials.memberId, actor.id));
      if (!row || !(await verifyPassword(request.body.currentPassword, row.hash))) {
        throw badRequest('invalid_credentials', 'Your current password is not correct.', [
          { path: 'body.currentPassword', message: 'is not correct' },
        ]);
      }
      const weakness = passwordWeakness(request.body.newPassword, { email: row.email });
      if (weakness) throw badRequest('weak_password', weakness, [{ path: 'body.newPassword', message: weakness }]);
      const passwordHash = await hashPassword(request.body.newPassword, ctx.config.scryptLogN);
      const session = await inTransaction(ctx.db, async (tx) => {
        await tx.update(credentials).set({ passwordHash, updatedAt: new Date() }).where(eq(credentials.memberId, actor.id));
        await destroyAllSessions(tx, actor.id);
        await recordAudit(tx, { actorId: actor.id, action: 'password.change', subjectType: 'member', subjectId: actor.id, ip: request.ip });
        return createSession(tx, actor.id, ctx.config.sessionMaxAgeMs, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      });
      setSessionCookie(reply, ctx.config, session.sessionId);
      return { id: actor.id, handle: actor.handle, csrfToken: session.csrfToken };
    },
  );
};
