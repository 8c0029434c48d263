import type { Migration } from './types.ts';

/**
 * The member directory walks members newest first or by name, one keyset page at a time; these indexes
 * let a page read its rows in order instead of sorting every member. An invitation sent from the
 * directory records it as where the relationship began.
 */
export const memberDirectory: Migration = {
  name: '20261210-0004-member-directory',
  up: [
    `CREATE INDEX members_newest_idx ON members (created_at DESC, id DESC) WHERE status = 'active'`,
    `CREATE INDEX profiles_name_sort_idx ON profiles (lower(name), member_id)`,
    `ALTER TABLE invitations DROP CONSTRAINT invitations_context_check`,
    `ALTER TABLE invitations ADD CONSTRAINT invitations_context_check
      CHECK (context IN ('profile', 'search', 'suggestion', 'import', 'comment', 'introduction', 'network', 'directory'))`,
  ],
  down: [
    `ALTER TABLE invitations DROP CONSTRAINT invitations_context_check`,
    `ALTER TABLE invitations ADD CONSTRAINT invitations_context_check
      CHECK (context IN ('profile', 'search', 'suggestion', 'import', 'comment', 'introduction', 'network'))`,
    `DROP INDEX profiles_name_sort_idx`,
    `DROP INDEX members_newest_idx`,
  ],
};
