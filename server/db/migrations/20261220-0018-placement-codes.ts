import type { Migration } from './types.ts';

/**
 * Where screening put an invitation is stored as a reason code with parameters (common/reasons.ts,
 * `placement.*`) instead of an English sentence, so its recipient reads it in their own language.
 *
 * The sentences written until now are mapped back to their codes; a rule's sentence ("Rule 2: a note
 * and … → Inbox") is kept as `placement.other` with the sentence as its `message`, because the rule
 * may have been edited since and its conditions cannot be read back reliably from words. An empty
 * placement (connections made by an import or the demo, never screened) becomes NULL.
 *
 * Down writes English back: word for word for every code but a rule, whose conditions are summarised.
 */
const risk = (pattern: string) => `substring(placement from '${pattern}')::int`;
const coded = (code: string, params = `'{}'::jsonb`) => `jsonb_build_object('code', '${code}', 'params', ${params})`;
const FOLDER_WORDS = `CASE placement->'params'->>'folder' WHEN 'accept' THEN 'accepted automatically' WHEN 'inbox' THEN 'Inbox' ELSE 'Other' END`;

export const placementCodes: Migration = {
  name: '20261220-0018-placement-codes',
  up: [
    `ALTER TABLE invitations ALTER COLUMN placement DROP NOT NULL, ALTER COLUMN placement DROP DEFAULT`,
    `ALTER TABLE invitations ALTER COLUMN placement TYPE jsonb USING CASE
       WHEN placement = '' THEN NULL
       WHEN placement ~ '^Held by the platform: risk [0-9]+ of 100$' THEN ${coded('placement.held', `jsonb_build_object('risk', ${risk('risk ([0-9]+) of')})`)}
       WHEN placement = 'Held by the platform: the sender''s account is under review' THEN ${coded('placement.sender_under_review')}
       WHEN placement = 'Put in Other by the platform: the sender is flagged' THEN ${coded('placement.other_flagged')}
       WHEN placement ~ '^Put in Other by the platform: risk [0-9]+ of 100$' THEN ${coded('placement.other_risk', `jsonb_build_object('risk', ${risk('risk ([0-9]+) of')})`)}
       WHEN placement = 'Open policy: accepted automatically' THEN ${coded('placement.open')}
       WHEN placement = 'Manual policy: everything waits in the inbox' THEN ${coded('placement.manual')}
       WHEN placement = 'No rule matched → Inbox' THEN ${coded('placement.no_rule', `'{"folder":"inbox"}'::jsonb`)}
       WHEN placement = 'No rule matched → Other' THEN ${coded('placement.no_rule', `'{"folder":"other"}'::jsonb`)}
       WHEN placement = 'No rule matched → accepted automatically' THEN ${coded('placement.no_rule', `'{"folder":"accept"}'::jsonb`)}
       WHEN placement = 'Released by the operators after review' THEN ${coded('placement.released')}
       WHEN placement LIKE 'Not delivered: the recipient answered %' THEN ${coded('placement.undelivered')}
       ELSE ${coded('placement.other', `jsonb_build_object('message', placement)`)}
     END`,
  ],
  down: [
    `ALTER TABLE invitations ALTER COLUMN placement TYPE text USING CASE placement->>'code'
       WHEN 'placement.held' THEN 'Held by the platform: risk ' || (placement->'params'->>'risk') || ' of 100'
       WHEN 'placement.sender_under_review' THEN 'Held by the platform: the sender''s account is under review'
       WHEN 'placement.other_flagged' THEN 'Put in Other by the platform: the sender is flagged'
       WHEN 'placement.other_risk' THEN 'Put in Other by the platform: risk ' || (placement->'params'->>'risk') || ' of 100'
       WHEN 'placement.open' THEN 'Open policy: accepted automatically'
       WHEN 'placement.manual' THEN 'Manual policy: everything waits in the inbox'
       WHEN 'placement.no_rule' THEN 'No rule matched → ' || (${FOLDER_WORDS})
       WHEN 'placement.rule' THEN 'Rule ' || (placement->'params'->>'rule') || ' matched → ' || (${FOLDER_WORDS})
       WHEN 'placement.released' THEN 'Released by the operators after review'
       WHEN 'placement.undelivered' THEN 'Not delivered: the recipient answered "I don''t know this person" to an earlier invitation from this sender'
       ELSE COALESCE(placement->'params'->>'message', '')
     END`,
    `UPDATE invitations SET placement = '' WHERE placement IS NULL`,
    `ALTER TABLE invitations ALTER COLUMN placement SET DEFAULT '', ALTER COLUMN placement SET NOT NULL`,
  ],
};
