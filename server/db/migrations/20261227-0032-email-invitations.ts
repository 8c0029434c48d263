import type { Migration } from './types.ts';

/**
 * Inviting someone who is not yet a member to join the community, by email (issue 14).
 *
 * - **`email_invitations`**: one email a member sent (`member_id`, the distribution key) to an address, with
 *   their note. The link in it carries a secret kept only as its hash (`token_hash`): it opens the sign-up
 *   page and the "no more invitations" page. An invitation counts against the sender's weekly invitation
 *   allowance, like an invitation to a member.
 * - **`email_opt_outs`**: addresses that asked never to be invited again, kept only as a SHA-256 of the
 *   lower-cased address: enough to refuse the next invitation, and no list of people who are not members.
 */
export const emailInvitations: Migration = {
  name: '20261227-0032-email-invitations',
  up: [
    `CREATE TABLE email_invitations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      email text NOT NULL,
      email_hash text NOT NULL,
      note text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'joined', 'opted_out')),
      joined_member_id integer REFERENCES members(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      answered_at timestamptz
    )`,
    // The sender's list, newest first, and the weekly allowance's count.
    `CREATE INDEX email_invitations_member_idx ON email_invitations (member_id, created_at DESC)`,
    // "Invited lately by anyone?": one address is not emailed twice in a week, whoever asks.
    `CREATE INDEX email_invitations_address_idx ON email_invitations (email_hash, created_at DESC)`,
    `CREATE TABLE email_opt_outs (
      email_hash text PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
  down: ['DROP TABLE email_opt_outs', 'DROP TABLE email_invitations'],
};
