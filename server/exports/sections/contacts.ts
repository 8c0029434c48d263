/**
 * The export's contacts: people the member imported from other address books (docs/imports.md), with the
 * private notes and tags they keep on each. The round-trip reader (imports/parse/rapport-export.ts) reads
 * this file back, so a contact's notes and tags survive moving to another instance.
 */
import { sql } from 'drizzle-orm';
import { type ExportSection, PAGE, paged } from './section.ts';

export const contactsSection: ExportSection = {
  kind: 'table',
  name: 'contacts',
  about: 'People you imported from other address books (LinkedIn, vCard, CSV, an earlier export), with your private notes and tags on them.',
  fields: {
    name: 'Their name.',
    emails: 'Their email addresses, as imported.',
    phones: 'Their phone numbers, as imported.',
    urls: 'Their profile and web addresses, as imported.',
    organisation: 'Their organisation, as imported.',
    title: 'Their title, as imported.',
    birthday: 'Their birthday, as imported (yyyy-mm-dd, or --mm-dd without a year).',
    note: 'The note their address book carried.',
    source: 'Where they came from: linkedin, vcard, csv or rapport (an earlier export).',
    connectedOn: 'When you connected on the network they came from (yyyy-mm-dd).',
    lastInteractionAt: 'Your last interaction known from the import (a message, an invitation).',
    member: 'The handle of the member of this community they were matched to, if any.',
    tags: 'The names of your tags on them.',
    notes: 'Your private notes on them: each with its text and the date of the meeting it records (metOn).',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT c.id AS k, c.name, c.emails, c.phones, c.urls, c.organisation, c.title, c.birthday, c.note, c.source,
                            c.connected_on::text AS "connectedOn", to_json(c.last_interaction_at)#>>'{}' AS "lastInteractionAt",
                            (SELECT handle FROM members WHERE id = c.matched_member_id AND status = 'active') AS member,
                            coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM contact_tags ct JOIN relationship_tags t ON t.id = ct.tag_id
                                       WHERE ct.contact_id = c.id), '{}') AS tags,
                            coalesce((SELECT json_agg(json_build_object('text', n.text, 'metOn', n.noted_on::text) ORDER BY n.id)
                                        FROM contact_notes n WHERE n.contact_id = c.id), '[]'::json) AS notes
                       FROM contacts c
                      WHERE c.member_id = ${ctx.memberId} AND c.id > ${after} ORDER BY c.id LIMIT ${PAGE}`,
    ),
};
