import { describe, expect, it } from 'vitest';
import { AttemptLog } from './attempt-log.ts';
import { addressKey, subnetKey } from './client-address.ts';
import { LoginThrottle } from './login-throttle.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('hashes with scrypt and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery', 12);
    expect(hash).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });

  it('refuses weak passwords with a reason', () => {
    expect(passwordWeakness('password123', {})).toEqual({ key: 'common' });
    expect(passwordWeakness('aaaaaaaaaaaa', {})).toEqual({ key: 'repeated' });
    expect(passwordWeakness('ana.ruiz.2024', { email: 'ana.ruiz@example.com' })).toEqual({ key: 'email' });
    expect(passwordWeakness('a sensible long passphrase', { email: 'x@example.com' })).toBeNull();
  });
});

describe('LoginThrottle', () => {
  const window = 60_000;

  it('stops one address guessing one account after maxAttempts, and frees it after the window', async () => {
    let now = 0;
    const t = new LoginThrottle(3, window, () => now);
    for (let i = 0; i < 3; i++) {
      expect(await t.retryAfter('a@example.com', '198.51.100.7')).toBe(0);
      await t.recordFailure('a@example.com', '198.51.100.7');
    }
    expect(await t.retryAfter('a@example.com', '198.51.100.7')).toBe(60);
    now = 30_000;
    expect(await t.retryAfter('a@example.com', '198.51.100.7')).toBe(30);
    now = 60_001;
    expect(await t.retryAfter('a@example.com', '198.51.100.7')).toBe(0);
  });

  it('never refuses the owner at another address because of someone else’s failures', async () => {
    const t = new LoginThrottle(10, window, () => 0);
    for (let i = 0; i < 50; i++) await t.recordFailure('a@example.com', '198.51.100.7');
    expect(await t.retryAfter('a@example.com', '198.51.100.7')).toBeGreaterThan(0);
    // An address that has not failed itself gets its attempts, even while the account is under attack.
    expect(await t.retryAfter('a@example.com', '203.0.113.5')).toBe(0);
  });

  it('gives unknown addresses a small budget while an account is attacked from many, and known ones their full budget', async () => {
    const t = new LoginThrottle(8, window, () => 0);
    await t.recordSuccess('a@example.com', '203.0.113.5');
    // Spread over many addresses, no single address reaches the pair limit, but the account is under attack.
    for (let i = 0; i < 8; i++) await t.recordFailure('a@example.com', `198.51.100.${i}`);
    for (let i = 0; i < t.strictPairLimit; i++) {
      expect(await t.retryAfter('a@example.com', '192.0.2.1')).toBe(0);
      await t.recordFailure('a@example.com', '192.0.2.1');
    }
    expect(await t.retryAfter('a@example.com', '192.0.2.1')).toBeGreaterThan(0);
    // The owner's known address keeps the normal budget: a few typos do not lock them out.
    for (let i = 0; i < t.strictPairLimit + 1; i++) await t.recordFailure('a@example.com', '203.0.113.5');
    expect(await t.retryAfter('a@example.com', '203.0.113.5')).toBe(0);
    // Without the attack, the same small number of failures does not throttle an unknown address.
    const calm = new LoginThrottle(8, window, () => 0);
    for (let i = 0; i < t.strictPairLimit; i++) await calm.recordFailure('b@example.com', '192.0.2.1');
    expect(await calm.retryAfter('b@example.com', '192.0.2.1')).toBe(0);
  });

  it('stops an address spraying many accounts at 5× maxAttempts, except for accounts that signed in from it', async () => {
    const t = new LoginThrottle(2, window, () => 0);
    await t.recordSuccess('owner@example.com', '9.9.9.9');
    for (let i = 0; i < 9; i++) await t.recordFailure(`user${i}@example.com`, '9.9.9.9');
    expect(await t.retryAfter('fresh@example.com', '9.9.9.9')).toBe(0);
    await t.recordFailure('user9@example.com', '9.9.9.9');
    expect(await t.retryAfter('fresh@example.com', '9.9.9.9')).toBeGreaterThan(0);
    expect(await t.retryAfter('owner@example.com', '9.9.9.9')).toBe(0);
  });

  it('starts a pair afresh after the right password', async () => {
    const t = new LoginThrottle(3, window, () => 0);
    await t.recordFailure('a@example.com', '1.2.3.4');
    await t.recordFailure('a@example.com', '1.2.3.4');
    await t.recordSuccess('a@example.com', '1.2.3.4');
    await t.recordFailure('a@example.com', '1.2.3.4');
    await t.recordFailure('a@example.com', '1.2.3.4');
    expect(await t.retryAfter('a@example.com', '1.2.3.4')).toBe(0);
  });
});

describe('AttemptLog', () => {
  it('keeps memory bounded: at most keepPerKey attempts per key and maxKeys keys', async () => {
    const log = new AttemptLog(60_000, { keepPerKey: 3, maxKeys: 100, now: () => 0 });
    for (let i = 0; i < 10; i++) await log.record('k');
    expect(await log.count('k')).toBe(3);
    expect(await log.retryAfter('k', 3)).toBe(60);
    for (let i = 0; i < 1000; i++) await log.record(`flood-${i}`);
    // The flood evicted the oldest keys; the most recent stay.
    expect(await log.count('k')).toBe(0);
    expect(await log.count('flood-999')).toBe(1);
  });
});

describe('client address keys', () => {
  it('counts IPv4 as is, IPv6 by /64, and IPv4-mapped IPv6 as IPv4', () => {
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::2'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(subnetKey('198.51.100.7')).toBe('198.51.100.0/24');
    expect(subnetKey('2001:db8:1:2::1')).toBe(subnetKey('2001:db8:1:ffff::1'));
    expect(addressKey('not an address')).toBe('not an address');
  });
});
