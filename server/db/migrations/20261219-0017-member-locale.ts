import type { Migration } from './types.ts';

/**
 * A member's language (issue 11): 'en' or 'it', or null while they have not chosen one; then their
 * browser's Accept-Language and the community's DEFAULT_LOCALE decide (server/http/locale.ts). On
 * members rather than profiles: it is a setting of the account, read when emailing, never shown to others.
 */
export const memberLocale: Migration = {
  name: '20261219-0017-member-locale',
  up: [`ALTER TABLE members ADD COLUMN locale text CHECK (locale IN ('en', 'it'))`],
  down: [`ALTER TABLE members DROP COLUMN locale`],
};
