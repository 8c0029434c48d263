import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { LIMITS } from '../../common/limits.ts';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, keylen: number, opts: object) => Promise<Buffer>;

/** OWASP's recommended scrypt cost (N=2^17, r=8, p=1: 128 MiB, ~0.3 s here). Tests lower N through config. */
export const DEFAULT_SCRYPT_LOG_N = 17;
const KEYLEN = 32;
const MAXMEM = 256 * 1024 * 1024;

/** Hashes a password as `scrypt$N$r$p$salt$hash`; the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, logN = DEFAULT_SCRYPT_LOG_N): Promise<string> {
  const salt = randomBytes(16);
  const params = { N: 2 ** logN, r: 8, p: 1, maxmem: MAXMEM };
  const hash = await scrypt(password.normalize('NFKC'), salt, KEYLEN, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, saltText, hashText] = stored.split('$');
  if (alg !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

const COMMON = new Set([
  'password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'iloveyou12', 'letmein123',
  'welcome123', 'administrator', 'passw0rd123', 'qwerty12345', 'abcdefghij', 'rapport123', '0123456789',
]);

/**
 * Minimum strength: length (validated by the schema), not a well-known password, not the member's own
 * email or name, and not one repeated character. Returns a message, or null when acceptable.
 */
export function passwordWeakness(password: string, context: { email?: string; name?: string }): string | null {
  const lower = password.toLowerCase();
  if (password.length < LIMITS.passwordMin) return `Use at least ${LIMITS.passwordMin} characters.`;
  if (COMMON.has(lower)) return 'This password is too common.';
  if (/^(.)\1+$/.test(password)) return 'Use more than one repeated character.';
  if (new Set(password).size < 4) return 'Use a greater variety of characters.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password.';
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '') === name) return 'Do not use your name as your password.';
  return null;
}
