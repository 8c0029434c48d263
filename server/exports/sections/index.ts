/**
 * Every section of an export, in the order the ZIP holds them. A new kind of member data gets a section here
 * (and with it a file, its README entry and its manifest line).
 */
import { commentsSection, conversationsSection, messagesSection, postsSection, reactionsSection } from './content.ts';
import {
  endorsementsSection,
  interactionsSection,
  introductionsSection,
  ledgerSection,
  notesSection,
  recommendationsSection,
  relationshipsSection,
  tagsSection,
} from './memory.ts';
import { blocksSection, connectionsSection, followsSection, invitationsSection } from './network.ts';
import { educationSection, positionsSection, profileSection, settingsSection, skillsSection } from './profile.ts';
import type { ExportSection } from './section.ts';

/**
 * CONTACTS SECTION GOES HERE (issue 14, at merge): the `contacts` table (imported people who are not
 * connections, with their notes and tags) is being added on another branch. Its section, a table named
 * `contacts` (contacts.json + contacts.csv: name, emails, phones, urls, organisation, title, metText, cadence,
 * tags, notes), is appended to this list, and the round-trip reader (imports/parse/rapport-export.ts,
 * `readContacts`) already reads a `contacts.json` when an export has one.
 */
export const CONTACT_SECTIONS: ExportSection[] = [];

export const EXPORT_SECTIONS: readonly ExportSection[] = [
  profileSection,
  positionsSection,
  educationSection,
  skillsSection,
  connectionsSection,
  followsSection,
  invitationsSection,
  blocksSection,
  relationshipsSection,
  notesSection,
  tagsSection,
  ...CONTACT_SECTIONS,
  interactionsSection,
  ledgerSection,
  introductionsSection,
  endorsementsSection,
  recommendationsSection,
  postsSection,
  commentsSection,
  reactionsSection,
  conversationsSection,
  messagesSection,
  settingsSection,
];
