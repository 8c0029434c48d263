import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signupBody } from '../../../common/schemas/auth.ts';
import { addressKey, subnetKey } from '../../auth/client-address.ts';
import { hashPassword, passwordWeakness, weakPassword } from '../../auth/password.ts';
import { EMAIL_LIMITS } from '../../auth/throttles.ts';
import { createSession } from '../../commands/auth/sessions.ts';
import { createMember } from '../../commands/members/create-member.ts';
import { queueEmail } from '../../commands/queue-email.ts';
import { members, profiles } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { signupAttemptMessage } from '../../email/templates.ts';
import { AppError, minutesOf, tooManyRequests } from '../../errors.ts';
import { resolveLocale } from '../../http/locale.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { setSessionCookie } from '../../http/session-cookie.ts';
import { screenSignup } from '../../commands/screening/registration.ts';
import { afterReplyQueue } from './after-reply.ts';
import { sessionStarted, tags } from './shapes.ts';

/**
 * Sign-up. Its contract (201 and a session for a new address) means a refused sign-up always tells
 * whether an address has an account: no answer for a taken address can look like that 201. So
 * enumeration is made impractical and visible rather than impossible:
 * - each "address taken" answer (409 `email_taken`, which tells a person who forgot their account what to
 *   do) is counted per client address and per subnet; past a small budget (`SIGNUP_EXISTING_PER_ADDRESS`
 *   an hour, 3× per subnet) every sign-up from there is refused with 429 *before* the address is looked
 *   at, so a probing script learns nothing more, and neighbours signing up meanwhile wait too;
 * - the owner of the address is told by email (at most once an hour) that someone tried it;
 * - the per-address write budget of the route caps sign-ups of new addresses as well.
 */
export const signupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const afterReply = afterReplyQueue(app);

  app.post(
    '/auth/signup',
    {
      config: { auth: 'public', dbPriority: 'high', ...writeRateLimit(ctx.config) },
      schema: { tags, summary: 'Create an account and start a session', body: signupBody, response: { 201: sessionStarted } },
    },
    async (request, reply) => {
      const { email, password, name, locale } = request.body;
      const probes = probeKeys(request.ip);
      const budget = ctx.config.signupProbe;
      const wait = Math.max(
        ...(await Promise.all([
          ctx.throttles.signupProbes.retryAfter(probes.address, budget.perAddress),
          ctx.throttles.signupProbes.retryAfter(probes.subnet, budget.perSubnet),
        ])),
      );
      if (wait > 0) throw tooManyRequests(wait, 'sign_up', { minutes: minutesOf(wait) });

      const weakness = passwordWeakness(password, { email, name });
      if (weakness) throw weakPassword(weakness, 'body.password');
      const passwordHash = await hashPassword(password, ctx.config.scryptLogN);
      let result;
      try {
        result = await inTransaction(ctx.db, async (tx, onCommit) => {
          const member = await createMember(
            tx,
            {
              email, name, passwordHash, ip: request.ip, mayBecomeOperator: true, locale,
              // A new member has chosen no language yet: their first email follows their browser.
              emailLocale: resolveLocale({ acceptLanguage: request.headers['accept-language'], defaultLocale: ctx.config.defaultLocale }),
            },
            ctx.config.publicUrl,
          );
          // Registration risk (screening issue): may hold or limit the new account and flag it for operators.
          await screenSignup(tx, { memberId: member.id, email, ip: request.ip, config: ctx.config.screening });
          const session = await createSession(tx, member.id, ctx.config.sessionMaxAgeMs, {
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
          onCommit(() => ctx.email.kick());
          return { member, session };
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'email_taken') {
          await Promise.all([ctx.throttles.signupProbes.record(probes.address), ctx.throttles.signupProbes.record(probes.subnet)]);
          const notice = `signup-notice:${email}`;
          if ((await ctx.throttles.emails.retryAfter(notice, EMAIL_LIMITS.signupNotice)) === 0) {
            await ctx.throttles.emails.record(notice);
            afterReply('sign-up attempt notice', () => tellOwner(email));
          }
        }
        throw err;
      }
      setSessionCookie(reply, ctx.config, result.session.sessionId);
      return reply
        .status(201)
        .send({ id: result.member.id, handle: result.member.handle, csrfToken: result.session.csrfToken });
    },
  );

  /** Emails the owner of a taken address that someone tried to sign up with it (the caller keeps it to once an hour). */
  async function tellOwner(email: string): Promise<void> {
    await inTransaction(ctx.db, async (tx, onCommit) => {
      const [owner] = await tx
        .select({ id: members.id, name: profiles.name, locale: members.locale })
        .from(members)
        .innerJoin(profiles, eq(profiles.memberId, members.id))
        .where(eq(members.email, email));
      if (!owner) return;
      await queueEmail(tx, { memberId: owner.id, to: email, ...signupAttemptMessage(
        // The owner's language, never the request's: whoever tried the address may not be its owner.
        resolveLocale({ memberLocale: owner.locale, defaultLocale: ctx.config.defaultLocale }),
        owner.name, `${ctx.config.publicUrl}/signin`) });
      onCommit(() => ctx.email.kick());
    });
  }
};

function probeKeys(ip: string) {
  return { address: `addr:${addressKey(ip)}`, subnet: `net:${subnetKey(ip)}` };
}
