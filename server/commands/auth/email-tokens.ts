import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { emailTokens } from '../../db/schema.ts';
import { hasSecretShape, hashSecret, newSecret } from '../../auth/secrets.ts';

type Purpose = 'verify_email' | 'reset_password';
/** How long an emailed link stays valid; the emails say it (server/email/templates.ts). */
export const EMAIL_TOKEN_TTL_MS: Record<Purpose, number> = { verify_email: 48 * 3_600_000, reset_password: 3_600_000 };
const PREFIX: Record<Purpose, string> = { verify_email: 'rv', reset_password: 'rr' };
const BYTES = 24;

/** Issues a single-use emailed token; only its hash is stored. */
export async function issueEmailToken(tx: DbOrTx, memberId: number, purpose: Purpose): Promise<string> {
  const token = newSecret(PREFIX[purpose], BYTES);
  await tx.insert(emailTokens).values({
    tokenHash: hashSecret(token),
    memberId,
    purpose,
    expiresAt: new Date(Date.now() + EMAIL_TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/** Marks a token used and returns its member, or null when unknown, used or expired. Single use even under races. */
export async function consumeEmailToken(tx: DbOrTx, token: string, purpose: Purpose): Promise<number | null> {
  if (!hasSecretShape(token, PREFIX[purpose], BYTES)) return null;
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.tokenHash, hashSecret(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    )
    .returning({ memberId: emailTokens.memberId });
  return row?.memberId ?? null;
}

/**
 * The member and address a token would act for, without using it up: lets a route refuse a bad link
 * before doing expensive work (hashing a new password), then consume it for real in its transaction.
 */
export async function peekEmailToken(db: DbOrTx, token: string, purpose: Purpose): Promise<{ memberId: number } | null> {
  if (!hasSecretShape(token, PREFIX[purpose], BYTES)) return null;
  const [row] = await db
    .select({ memberId: emailTokens.memberId })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, hashSecret(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** Voids every unused token of this purpose: a new password makes older reset links meaningless. */
export async function voidEmailTokens(tx: DbOrTx, memberId: number, purpose: Purpose): Promise<void> {
  await tx
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(emailTokens.memberId, memberId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}
