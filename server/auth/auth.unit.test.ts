import { describe, expect, it } from 'vitest';
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
    expect(passwordWeakness('password123', {})).toMatch(/common/);
    expect(passwordWeakness('aaaaaaaaaaaa', {})).toMatch(/repeated/);
    expect(passwordWeakness('ana.ruiz.2024', { email: 'ana.ruiz@example.com' })).toMatch(/email/);
    expect(passwordWeakness('a sensible long passphrase', { email: 'x@example.com' })).toBeNull();
  });
});

describe('LoginThrottle', () => {
  it('blocks a key after max failures within the window and frees it afterwards', () => {
    let now = 0;
    const t = new LoginThrottle(3, 60_000, () => now);
    const keys = ['acct:a@example.com', 'ip:1.2.3.4'];
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter(keys)).toBe(0);
      t.recordFailure(keys);
    }
    expect(t.retryAfter(keys)).toBe(60);
    now = 30_000;
    expect(t.retryAfter(keys)).toBe(30);
    now = 60_001;
    expect(t.retryAfter(keys)).toBe(0);
  });

  it('gives an IP a larger allowance than one account', () => {
    const t = new LoginThrottle(2, 60_000, () => 0);
    for (let i = 0; i < 5; i++) t.recordFailure([`acct:user${i}@example.com`, 'ip:9.9.9.9']);
    expect(t.retryAfter(['ip:9.9.9.9'])).toBe(0);
    for (let i = 0; i < 5; i++) t.recordFailure(['ip:9.9.9.9']);
    expect(t.retryAfter(['ip:9.9.9.9'])).toBeGreaterThan(0);
  });
});
