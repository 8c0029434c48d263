/**
 * Every section of an export, in the order the ZIP holds them. A new kind of member data gets a section here
 * (and with it a file, its README entry and its manifest line).
 */
import { admireSection } from './admire.ts';
import { contactsSection } from './contacts.ts';
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
import { opportunitiesSection } from './opportunities.ts';
import { blocksSection, connectionsSection, followsSection, invitationsSection } from './network.ts';
import { educationSection, positionsSection, profileSection, settingsSection, skillsSection } from './profile.ts';
import type { ExportSection } from './section.ts';

/** People imported from other address books, with their notes and tags (read back by the round-trip reader). */
export const CONTACT_SECTIONS: ExportSection[] = [contactsSection];

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
  admireSection,
  endorsementsSection,
  recommendationsSection,
  opportunitiesSection,
  postsSection,
  commentsSection,
  reactionsSection,
  conversationsSection,
  messagesSection,
  settingsSection,
];
