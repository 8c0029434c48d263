/** Loads what a member's invitation allowance is computed from (server/screening/allowance.ts), and computes it. */
import { sql } from 'drizzle-orm';
import type { AllowanceView } from '../../../common/schemas/screening.ts';
import type { NetworkLimits } from '../../config.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { type AllowanceFacts, type AllowanceUsage, allowanceFrom } from '../../screening/allowance.ts';
import { profileStrength } from '../../views/profile.ts';
import { loadProfiles } from '../profiles.ts';
import { loadOneSenderFacts } from './sender-facts.ts';

async function loadUsage(db: DbOrTx, memberId: number): Promise<AllowanceUsage> {
  const [u] = await rows<AllowanceUsage>(
    db,
    sql`SELECT (SELECT count(*)::int FROM connections WHERE member_id = ${memberId}) AS connections,
               w.used AS "usedThisWeek", w.oldest AS "oldestThisWeek", w.templates AS "templatesThisWeek",
               -- Waiting as far as the sender knows: an ignored or "I don't know" answer is silent (one they withdrew has expired).
               (SELECT count(*)::int FROM invitations WHERE sender_id = ${memberId} AND status IN ('pending', 'ignored', 'dont_know') AND expires_at > now()) AS outstanding,
               (SELECT json_agg(json_build_object('kind', kind, 'reason', reason, 'since', created_at, 'until', ends_at) ORDER BY created_at)
                  FROM member_restrictions WHERE member_id = ${memberId} AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > now())) AS restrictions
          -- Invitations to join by email draw on the same weekly allowance (they are never templates here).
          FROM (SELECT count(*)::int AS used, min(created_at) AS oldest, count(*) FILTER (WHERE template)::int AS templates
                  FROM (SELECT created_at, template FROM invitations WHERE sender_id = ${memberId} AND created_at > now() - interval '7 days'
                        UNION ALL
                        SELECT created_at, false FROM email_invitations WHERE member_id = ${memberId} AND created_at > now() - interval '7 days') sent) w`,
  );
  return u!;
}

export async function loadAllowanceFacts(db: DbOrTx, memberId: number): Promise<AllowanceFacts> {
  // Sequential on purpose: inside the sending transaction both drivers hold one connection.
  const sender = await loadOneSenderFacts(db, memberId);
  const usage = await loadUsage(db, memberId);
  const [profile] = await loadProfiles(db, [memberId]);
  return { sender, usage, strength: profile ? profileStrength(profile).score : 0 };
}

export async function computeAllowance(db: DbOrTx, memberId: number, limits: NetworkLimits): Promise<AllowanceView> {
  return allowanceFrom(await loadAllowanceFacts(db, memberId), limits);
}
