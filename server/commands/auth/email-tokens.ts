import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { emailTokens } from '../../db/schema.ts';
import { hashSecret, newSecret } from '../../auth/secrets.ts';

type Purpose = 'verify_email' | 'reset_password';
const TTL_MS: Record<Purpose, number> = { verify_email: 48 * 3_600_000, reset_password: 3_600_000 };

/** Issues a single-use emailed token; only its hash is stored. */
export async function issueEmailToken(tx: DbOrTx, memberId: number, purpose: Purpose): Promise<string> {
  const token = newSecret(purpose === 'verify_email' ? 'rv' : 'rr', 24);
  await tx.insert(emailTokens).values({
    tokenHash: hashSecret(token),
    memberId,
    purpose,
    expiresAt: new Date(Date.now() + TTL_MS[purpose]),
  });
  return token;
}

/** Marks a token used and returns its member, or null when unknown, used or expired. Single use even under races. */
export async function consumeEmailToken(tx: DbOrTx, token: string, purpose: Purpose): Promise<number | null> {
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
