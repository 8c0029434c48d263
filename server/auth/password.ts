import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { MessageParams, Situation } from '../../common/i18n/errors/en.ts';
import { LIMITS } from '../../common/limits.ts';
import { badRequest } from '../errors.ts';

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

/** Why a password is too weak: a situation of weak_password in the error messages, with its arguments. */
export interface Weakness {
  key: Situation<'weak_password'>;
  params?: MessageParams;
}

/**
 * Minimum strength: length (validated by the schema), not a well-known password, not the member's own
 * email or name, and not one repeated character. Returns why it is too weak, or null when acceptable.
 */
export function passwordWeakness(password: string, context: { email?: string; name?: string }): Weakness | null {
  const lower = password.toLowerCase();
  if (password.length < LIMITS.passwordMin) return { key: 'too_short', params: { min: LIMITS.passwordMin } };
  if (COMMON.has(lower)) return { key: 'common' };
  if (/^(.)\1+$/.test(password)) return { key: 'repeated' };
  if (new Set(password).size < 4) return { key: 'variety' };
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return { key: 'email' };
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '') === name) return { key: 'name' };
  return null;
}

/** The 400 for a weak password, naming the field (its message is the same as the problem's). */
export const weakPassword = ({ key, params }: Weakness, path: string) =>
  badRequest('weak_password', { key, ...(params ? { params } : {}), errors: [{ path, code: 'weak_password', key: `weak_password.${key}`, ...(params ? { params } : {}) }] });
