import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { EMAIL_LIMITS } from '../../auth/throttles.ts';
import { rows } from '../../db/connection.ts';
import { type Member, STRONG_PASSWORD } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { emailsTo, waitForEmails } from '../../test/outbox.ts';
import { signUpFrom } from '../../test/screening-helpers.ts';

const NOTICE = 'Someone tried to create a Rapport account with your address';

/** What a client can compare between two answers: everything but the moment and the request counters. */
const visible = (res: LightMyRequestResponse) => {
  const headers = Object.entries(res.headers).filter(([name]) => name !== 'date' && !name.startsWith('x-ratelimit-'));
  return { status: res.statusCode, headers: Object.fromEntries(headers), body: res.body };
};

describeEachEngine(
  'what refusals say about whether an address has an account',
  (get) => {
    let owner: Member;
    beforeAll(async () => {
      owner = await signUpFrom(get().app, 'Address Owner', '10.5.0.1', 'owner@example.com');
    });
    const signup = (email: string, from: string) =>
      get().app.inject({ method: 'POST', url: '/api/v1/auth/signup', remoteAddress: from, payload: { email, password: STRONG_PASSWORD, name: 'Prober' } });
    const accounts = async (email: string) =>
      (await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM members WHERE email = ${email}`))[0]!.n;

    it('answers a password-reset request before looking the address up, the same for a known and an unknown address', async () => {
      const { app, database } = get();
      const reset = (email: string) => app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: '10.5.0.2', payload: { email } });
      // Hold the members table: any look-up of the address waits until this transaction ends. Both requests must
      // still be answered meanwhile, so neither answer (nor its timing) can depend on whether the address exists.
      const answered = await database.db.transaction(async (tx) => {
        await tx.execute(sql`LOCK TABLE members IN ACCESS EXCLUSIVE MODE`);
        const timeout = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 5_000));
        return Promise.race([Promise.all([reset(owner.email), reset('no-account@example.com')]), timeout]);
      });
      expect(answered).not.toBe('still waiting');
      const [known, unknown] = answered as LightMyRequestResponse[];
      expect(known!.statusCode).toBe(202);
      expect(visible(known!)).toEqual(visible(unknown!));
      // The work happened after the answers: the owner gets the link, the unknown address nothing.
      await waitForEmails(database.db, owner.email, 'Reset your Rapport password');
      expect(await emailsTo(database.db, 'no-account@example.com')).toEqual([]);
    });

    it('caps the emails a request can trigger: reset links per address, known or not, and confirmations per member', async () => {
      const { app } = get();
      const known = await signUpFrom(app, 'Inbox Owner', '10.5.0.3');
      for (const email of [known.email, 'nobody-at-all@example.com']) {
        const codes: number[] = [];
        for (let i = 0; i < EMAIL_LIMITS.reset + 1; i++) {
          codes.push((await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: `10.6.0.${i}`, payload: { email } })).statusCode);
        }
        expect(codes).toEqual([...Array(EMAIL_LIMITS.reset).fill(202), 429]);
      }
      const resends: number[] = [];
      for (let i = 0; i < EMAIL_LIMITS.confirmation + 1; i++) resends.push((await known.call('POST', '/api/v1/auth/verify-email/resend')).statusCode);
      expect(resends).toEqual([...Array(EMAIL_LIMITS.confirmation).fill(200), 429]);
    });

    it('keeps sign-up’s contract: a new address gets 201 and a session', async () => {
      const res = await signup('brand-new@example.com', '203.0.113.5');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.cookies.find((c) => c.name === 'rapport_session')).toBeDefined();
    });

    it('tells a prober an address is taken only a few times, then refuses every sign-up from there alike, and tells the owner once', async () => {
      const { database, config } = get();
      const prober = '198.51.100.7';
      for (let i = 0; i < config.signupProbe.perAddress; i++) {
        const res = await signup(owner.email, prober);
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('email_taken');
      }
      // Past the budget the address is not even looked at: a new address and a taken one get the same 429.
      const fresh = await signup('never-seen@example.com', prober);
      const taken = await signup(owner.email, prober);
      expect(fresh.statusCode).toBe(429);
      expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
      expect(visible(fresh)).toEqual(visible(taken));
      expect(await accounts('never-seen@example.com')).toBe(0);

      // The owner hears of it once, with a way in, whatever the number of attempts.
      const [notice] = await waitForEmails(database.db, owner.email, NOTICE);
      expect(notice).toContain(`${config.publicUrl}/signin`);
      expect(notice).toMatch(/Forgot password/);
      expect(await emailsTo(database.db, owner.email, NOTICE)).toHaveLength(1);
      // The owner's account is untouched.
      const login = await get().app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.5.0.1', payload: { email: owner.email, password: STRONG_PASSWORD } });
      expect(login.statusCode).toBe(200);
    });

    it('counts probes per subnet too, so rotating addresses within one network does not help', async () => {
      const { config } = get();
      // The prober's /24 already spent perAddress probes in the test above; spend the rest from a neighbour.
      for (let i = config.signupProbe.perAddress; i < config.signupProbe.perSubnet; i++) {
        expect((await signup(owner.email, `198.51.100.${20 + i}`)).statusCode).toBe(409);
      }
      const res = await signup('another-new@example.com', '198.51.100.99');
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('rate_limited');
      expect(await accounts('another-new@example.com')).toBe(0);
      // Another network is not held back.
      expect((await signup('another-new@example.com', '192.0.2.50')).statusCode).toBe(201);
    });
  },
  () => ({ signupProbe: { perAddress: 2, perSubnet: 3, windowMs: 3_600_000 } }),
);
