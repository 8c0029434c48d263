import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { STRONG_PASSWORD, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

const ATTACKER = '198.51.100.7';
const OWNER = '203.0.113.5';
const WRONG = 'not the right password';

const expectThrottled = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe('rate_limited');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
};

describeEachEngine('sign-in throttle: guessers are stopped, owners are not locked out', (get) => {
  const login = (email: string, password: string, from: string) =>
    get().app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: from, payload: { email, password } });

  it('stops an attacker who fails 50 times, while the owner signs in from elsewhere at once', async () => {
    const { app, config } = get();
    const owner = await signUp(app, 'Locked Out Not');
    const codes: number[] = [];
    for (let i = 0; i < 50; i++) codes.push((await login(owner.email, `${WRONG} ${i}`, ATTACKER)).statusCode);
    expect(codes.slice(0, config.login.maxAttempts)).toEqual(Array(config.login.maxAttempts).fill(401));
    expect(new Set(codes.slice(config.login.maxAttempts))).toEqual(new Set([429]));

    const ownerIn = await login(owner.email, STRONG_PASSWORD, OWNER);
    expect(ownerIn.statusCode, ownerIn.body).toBe(200);
    // The attacker's address stays throttled, the right password included (a 429 must not reveal it).
    expectThrottled(await login(owner.email, STRONG_PASSWORD, ATTACKER));
    // Token creation checks the same password under the same throttle.
    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      remoteAddress: ATTACKER,
      payload: { email: owner.email, password: STRONG_PASSWORD, name: 'x' },
    });
    expectThrottled(token);
  });

  it('slows guessing spread over many addresses without refusing an address that has not failed, or one the owner used', async () => {
    const { app, config } = get();
    const owner = await signUp(app, 'Many Guessers');
    expect((await login(owner.email, STRONG_PASSWORD, OWNER)).statusCode).toBe(200);
    // A botnet: each address stays under the pair limit, together they put the account under attack.
    for (let i = 0; i < config.login.maxAttempts; i++) expect((await login(owner.email, WRONG, `192.0.2.${i + 1}`)).statusCode).toBe(401);
    // One more bot address now gets only a few guesses.
    const bot = '192.0.2.200';
    const botCodes: number[] = [];
    for (let i = 0; i < config.login.maxAttempts; i++) botCodes.push((await login(owner.email, WRONG, bot)).statusCode);
    const allowed = app.ctx.throttles.signIn.strictPairLimit;
    expect(allowed).toBeLessThan(config.login.maxAttempts);
    expect(botCodes.slice(0, allowed)).toEqual(Array(allowed).fill(401));
    expect(new Set(botCodes.slice(allowed))).toEqual(new Set([429]));
    // The owner's known address keeps its full budget: a few typos, then the right password.
    for (let i = 0; i < allowed + 1; i++) expect((await login(owner.email, WRONG, OWNER)).statusCode).toBe(401);
    expect((await login(owner.email, STRONG_PASSWORD, OWNER)).statusCode).toBe(200);
    // And the owner on a network they never used before still gets in with the right password.
    expect((await login(owner.email, STRONG_PASSWORD, '198.18.0.9')).statusCode).toBe(200);
  });

  it('stops one address spraying many accounts, but not the members who signed in from it before', async () => {
    const { app, config } = get();
    const office = '100.64.0.10';
    const colleague = await signUp(app, 'Office Colleague');
    expect((await login(colleague.email, STRONG_PASSWORD, office)).statusCode).toBe(200);
    for (let i = 0; i < config.login.maxAttempts * 5; i++) expect((await login(`sprayed-${i}@example.com`, WRONG, office)).statusCode).toBe(401);
    expectThrottled(await login('one-more@example.com', WRONG, office));
    expect((await login(colleague.email, STRONG_PASSWORD, office)).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64, so rotating addresses within it does not reset the count', async () => {
    const { app, config } = get();
    const owner = await signUp(app, 'Six Owner');
    for (let i = 0; i < config.login.maxAttempts; i++) expect((await login(owner.email, WRONG, `2001:db8:1:2::${i + 1}`)).statusCode).toBe(401);
    expectThrottled(await login(owner.email, WRONG, '2001:db8:1:2:ffff::1'));
    expect((await login(owner.email, STRONG_PASSWORD, '2001:db8:9::1')).statusCode).toBe(200);
  });

  it('throttles wrong current passwords on a password change, per member and address', async () => {
    const { app, config } = get();
    const m = await signUp(app, 'Stolen Session');
    const change = (currentPassword: string, from: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/v1/me/password',
        remoteAddress: from,
        headers: { cookie: m.cookie, 'x-csrf-token': m.csrf },
        payload: { currentPassword, newPassword: 'a new long passphrase', endOtherSessions: false },
      });
    for (let i = 0; i < config.login.maxAttempts; i++) {
      const res = await change(`${WRONG} ${i}`, ATTACKER);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('wrong_password');
    }
    expectThrottled(await change(STRONG_PASSWORD, ATTACKER));
    // The password did not change, and the member elsewhere can still change it.
    expect((await login(m.email, STRONG_PASSWORD, OWNER)).statusCode).toBe(200);
    const own = await change(STRONG_PASSWORD, OWNER);
    expect(own.statusCode, own.body).toBe(200);
  });
});
