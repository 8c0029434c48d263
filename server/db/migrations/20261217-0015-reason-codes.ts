import { sql } from 'drizzle-orm';
import { type ReasonCode, type ReasonParamsByCode, renderReason } from '../../../common/reasons.ts';
import { type Tx, rows } from '../connection.ts';
import type { Migration } from './types.ts';

/**
 * Reasons are stored as codes with parameters (common/reasons.ts), and rendered when read, so the next
 * issue can show them in the reader's language: member notices, moderation flags' reasons and sign-ups'
 * risk reasons.
 *
 * Notices were an English sentence each, in `message`. They are mapped back to their codes by the
 * sentences the code wrote until now (below), and a mapping is kept only when the code renders the very
 * same sentence again (`renderReason`), so nobody reads a different notice than before. Any other text
 * (none is known) stays as `notice.other` with the old sentence as its `message`.
 *
 * Flags and sign-ups kept their reasons as a JSON array of English sentences; each sentence becomes
 * `flag.other` or `signup.other` with the sentence as its `message` (operators read the same words; new
 * ones are written with their own codes).
 *
 * Down puts English back: in notices' `message` word for word, but for a lift, whose restriction kinds
 * are written generically; in flags and sign-ups for the sentences written before (a coded one keeps
 * its code).
 */
export const reasonCodes: Migration = {
  name: '20261217-0015-reason-codes',
  up: [
    `ALTER TABLE member_notices ADD COLUMN code text NOT NULL DEFAULT 'notice.other', ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb`,
    `UPDATE member_notices SET params = jsonb_build_object('message', message)`,
    `ALTER TABLE member_notices ALTER COLUMN code DROP DEFAULT, ALTER COLUMN params DROP DEFAULT`,
    `ALTER TABLE member_notices DROP COLUMN message`,
    `UPDATE moderation_flags SET reasons = (
       SELECT COALESCE(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'string'
         THEN jsonb_build_object('code', 'flag.other', 'params', jsonb_build_object('message', e #>> '{}')) ELSE e END ORDER BY i), '[]'::jsonb)
       FROM jsonb_array_elements(reasons) WITH ORDINALITY AS t(e, i))`,
    `UPDATE signup_events SET reasons = (
       SELECT COALESCE(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'string'
         THEN jsonb_build_object('code', 'signup.other', 'params', jsonb_build_object('message', e #>> '{}')) ELSE e END ORDER BY i), '[]'::jsonb)
       FROM jsonb_array_elements(reasons) WITH ORDINALITY AS t(e, i))`,
  ],
  data: codeLegacyNotices,
  down: [
    `UPDATE moderation_flags SET reasons = (
       SELECT COALESCE(jsonb_agg(COALESCE(e->'params'->'message', e->'code') ORDER BY i), '[]'::jsonb)
       FROM jsonb_array_elements(reasons) WITH ORDINALITY AS t(e, i))`,
    `UPDATE signup_events SET reasons = (
       SELECT COALESCE(jsonb_agg(COALESCE(e->'params'->'message', e->'code') ORDER BY i), '[]'::jsonb)
       FROM jsonb_array_elements(reasons) WITH ORDINALITY AS t(e, i))`,
    `ALTER TABLE member_notices ADD COLUMN message text NOT NULL DEFAULT ''`,
    `UPDATE member_notices SET message = CASE code
       WHEN 'notice.held' THEN 'Your new account is waiting for a review by the operators of this community, because of how it was registered. Until then, you cannot send invitations.'
       WHEN 'notice.new_account_limits_lifted' THEN 'An operator has reviewed your account. The restrictions on new accounts no longer apply to you.'
       WHEN 'notice.restriction_ended' THEN 'The restriction on your invitations has ended: you can send invitations again.'
       WHEN 'notice.made_operator' THEN 'An operator made you an operator of this community. The Admin page is in your account menu.'
       WHEN 'notice.made_member' THEN 'An operator made you a member again: you are no longer an operator of this community.'
       WHEN 'notice.warned' THEN 'An operator of this community has warned you. Reason: ' || (params->>'reason')
       WHEN 'notice.invitations_restricted' THEN CASE WHEN params ? 'days'
         THEN 'An operator has restricted your invitations for ' || (params->>'days') || CASE WHEN params->>'days' = '1' THEN ' day' ELSE ' days' END
              || ': you cannot send new invitations until the restriction ends. Reason: ' || (params->>'reason')
         ELSE 'An operator has restricted your invitations: you cannot send new invitations until an operator lifts this restriction. Reason: ' || (params->>'reason') END
       WHEN 'notice.restrictions_lifted' THEN 'An operator lifted restrictions on your account. Reason: ' || (params->>'reason')
       ELSE COALESCE(params->>'message', '') END`,
    `ALTER TABLE member_notices ALTER COLUMN message DROP DEFAULT`,
    `ALTER TABLE member_notices DROP COLUMN params, DROP COLUMN code`,
  ],
};

type Coded = { [C in ReasonCode]: { code: C; params: ReasonParamsByCode[C] } }[ReasonCode];

/** The sentences written before this migration, word for word, each with the code it stands for. */
const FIXED: Record<string, Coded> = {
  'Your new account is waiting for a review by the operators of this community, because of how it was registered. Until then, you cannot send invitations.':
    { code: 'notice.held', params: {} },
  'An operator has reviewed your account. The restrictions on new accounts no longer apply to you.': { code: 'notice.new_account_limits_lifted', params: {} },
  'The restriction on your invitations has ended: you can send invitations again.': { code: 'notice.restriction_ended', params: {} },
  'An operator made you an operator of this community. The Admin page is in your account menu.': { code: 'notice.made_operator', params: {} },
  'An operator made you a member again: you are no longer an operator of this community.': { code: 'notice.made_member', params: {} },
};

/** How a lift named each restriction kind, in the order the kinds were listed. */
const LIFTED_KINDS: [string, string][] = [
  ['held', 'the review hold on your account'],
  ['limited', 'the limits on new accounts'],
  ['invitations', 'the restriction on your invitations'],
];

/** The code and parameters an old notice's sentence stands for, or null. The operator's reason may span lines. */
export function legacyNoticeCode(message: string): Coded | null {
  const fixed = FIXED[message];
  if (fixed) return fixed;
  let m = /^An operator of this community has warned you\. Reason: (.*)$/s.exec(message);
  if (m) return { code: 'notice.warned', params: { reason: m[1]! } };
  m = /^An operator has restricted your invitations for (\d+) days?: you cannot send new invitations until the restriction ends\. Reason: (.*)$/s.exec(message);
  if (m) return { code: 'notice.invitations_restricted', params: { reason: m[2]!, days: Number(m[1]) } };
  m = /^An operator has restricted your invitations: you cannot send new invitations until an operator lifts this restriction\. Reason: (.*)$/s.exec(message);
  if (m) return { code: 'notice.invitations_restricted', params: { reason: m[1]! } };
  m = /^An operator lifted (.+?)\. Reason: (.*)$/s.exec(message);
  if (m) {
    const kinds = LIFTED_KINDS.filter(([, what]) => m![1]!.includes(what)).map(([kind]) => kind);
    if (kinds.length > 0) return { code: 'notice.restrictions_lifted', params: { kinds, reason: m[2]! } };
  }
  return null;
}

const BATCH = 1000;

async function codeLegacyNotices(tx: Tx): Promise<void> {
  const old = await rows<{ id: number; message: string }>(tx, sql`SELECT id, params->>'message' AS message FROM member_notices ORDER BY id`);
  const coded: { id: number; code: string; params: string }[] = [];
  for (const n of old) {
    const found = legacyNoticeCode(n.message);
    // Only a code that says exactly what the member read before replaces the sentence.
    if (found && renderReason(found.code, found.params as never) === n.message) coded.push({ id: Number(n.id), code: found.code, params: JSON.stringify(found.params) });
  }
  for (let i = 0; i < coded.length; i += BATCH) {
    const values = sql.join(
      coded.slice(i, i + BATCH).map((c) => sql`(${c.id}::bigint, ${c.code}::text, ${c.params}::jsonb)`),
      sql`, `,
    );
    await tx.execute(sql`UPDATE member_notices n SET code = v.code, params = v.params FROM (VALUES ${values}) AS v(id, code, params) WHERE n.id = v.id`);
  }
}
