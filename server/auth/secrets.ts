import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret with a readable prefix (so a leaked token can be recognised in logs and scanners). */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/**
 * Whether a string has the exact shape newSecret(prefix, bytes) gives. Checked before a presented secret
 * is hashed or looked up, so a malformed one costs neither.
 */
export function hasSecretShape(value: string, prefix: string, bytes = 32): boolean {
  const body = value.slice(prefix.length + 1);
  return value.startsWith(`${prefix}_`) && body.length === Math.ceil((bytes * 4) / 3) && /^[A-Za-z0-9_-]+$/.test(body);
}

/** Secrets are stored only as SHA-256 hashes; they have enough entropy that a salt adds nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
