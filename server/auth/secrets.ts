import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret with a readable prefix (so a leaked token can be recognised in logs and scanners). */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** Secrets are stored only as SHA-256 hashes; they have enough entropy that a salt adds nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
