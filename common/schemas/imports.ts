/**
 * Member imports and contacts over the API (issue 14; server/imports/). Everything here is returned to the
 * member who imported it alone.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { cursor, email, pageLimit, queryText, text } from './primitives.ts';
import { page, personCard } from './search.ts';

export const IMPORT_STATUSES = ['queued', 'parsing', 'needs_mapping', 'applying', 'done', 'failed'] as const;
export const CONTACT_SOURCES = ['linkedin', 'vcard', 'csv', 'rapport'] as const;
export const MATCH_KINDS = ['url', 'email', 'name_org'] as const;

export const reportIssue = z.object({ line: z.number(), code: z.string(), detail: z.string().optional() });
export const reportFile = z.object({
  file: z.string(),
  /** Records read from the file, by kind. */
  records: z.record(z.string(), z.number()),
  issues: z.array(reportIssue),
  /** Issues past the first few hundred of a file, counted only. */
  issuesOmitted: z.number(),
});
export const importError = z.object({ code: z.string(), file: z.string(), line: z.number().nullable(), detail: z.string().optional() });
export const importReport = z.object({
  files: z.array(reportFile),
  /** What applying did: contacts created and updated, notes, history, matches. */
  applied: z.record(z.string(), z.number()),
  error: importError.nullable(),
});
export type ImportReport = z.infer<typeof importReport>;
export type ImportReportFile = z.infer<typeof reportFile>;

/** The column-mapping step: which CSV header fills each contact field (lists take several headers). */
const header = z.string().min(1).max(200);
export const columnMapping = z.strictObject({
  name: header.optional(),
  firstName: header.optional(),
  lastName: header.optional(),
  emails: z.array(header).max(10).optional(),
  phones: z.array(header).max(10).optional(),
  urls: z.array(header).max(10).optional(),
  organisation: header.optional(),
  title: header.optional(),
  birthday: header.optional(),
  note: header.optional(),
});
export type ColumnMappingInput = z.infer<typeof columnMapping>;
export const mappingBody = z.strictObject({ mapping: columnMapping });

export const importView = z.object({
  id: z.number(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  /** 0–100: reading the upload is the first half, applying its records the second. */
  progress: z.number(),
  bytes: z.object({ done: z.number(), total: z.number() }),
  records: z.object({ applied: z.number(), total: z.number() }),
  report: importReport,
  /** While `needs_mapping`: the CSV's headers, a few rows and the proposed mapping. */
  mapping: z
    .object({ headers: z.array(z.string()), sample: z.array(z.array(z.string())), preset: z.string().nullable(), proposed: columnMapping.partial() })
    .nullable(),
  hasProfileDraft: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importView>;
export const importCreated = z.object({ id: z.number() });
export const importList = z.object({ items: z.array(importView.omit({ report: true, mapping: true })) });

export const contactView = z.object({
  id: z.number(),
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  urls: z.array(z.string()),
  organisation: z.string().nullable(),
  title: z.string().nullable(),
  birthday: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(CONTACT_SOURCES),
  /** How we met: the source and the day we connected there ("LinkedIn connection since 2019"). */
  connectedOn: z.string().nullable(),
  lastInteractionAt: z.string().nullable(),
  messageCount: z.number(),
  invitationCount: z.number(),
  /** The community member this contact is, as matched (only someone the viewer may see). */
  member: personCard.extend({ connected: z.boolean() }).nullable(),
  match: z.object({ kind: z.enum(MATCH_KINDS), confidence: z.number() }).nullable(),
  dismissed: z.boolean(),
  tags: z.array(z.object({ id: z.number(), name: z.string(), colour: z.string() })),
  notesCount: z.number(),
});
export type ContactView = z.infer<typeof contactView>;
export const contactPage = page(contactView);

export const contactListQuery = z.strictObject({
  cursor: cursor.optional(),
  limit: pageLimit,
  q: queryText(LIMITS.searchQueryMax).default(''),
  matched: z.enum(['all', 'matched', 'unmatched']).default('all'),
});
export const contactMatches = z.object({ count: z.number(), items: z.array(contactView) });
export const contactConnectBody = z.strictObject({
  note: text(LIMITS.invitationNoteMax).default(''),
  /** The member's email address, for members who accept invitations only from people who know it (as POST /invitations). */
  email: email.optional(),
});
export const contactNoteBody = z.strictObject({ text: text(LIMITS.relationshipNoteMax).refine((t) => t.trim().length > 0, { message: 'must not be empty' }) });
export const contactNoteView = z.object({ id: z.number(), text: z.string(), notedOn: z.string().nullable(), createdAt: z.string() });
export const contactNotes = z.object({ items: z.array(contactNoteView) });
export const contactTagsBody = z.strictObject({ tagIds: z.array(z.number().int().min(1)).max(50) });

/** The profile an archive offers, for the member to review and edit before saving it. */
export const profileDraft = z.object({
  profile: z.object({ name: z.string().optional(), headline: z.string().optional(), about: z.string().optional(), location: z.string().optional(), industry: z.string().optional(), websites: z.array(z.string()) }),
  positions: z.array(z.object({ organisation: z.string(), title: z.string().optional(), description: z.string().optional(), location: z.string().optional(), startedOn: z.string().optional(), finishedOn: z.string().optional() })),
  education: z.array(z.object({ school: z.string(), degree: z.string().optional(), startedOn: z.string().optional(), finishedOn: z.string().optional() })),
  skills: z.array(z.string()),
});
export type ProfileDraft = z.infer<typeof profileDraft>;
export const profileDraftView = z.object({ importId: z.number().nullable(), draft: profileDraft, createdAt: z.string(), appliedAt: z.string().nullable() });

export const historyView = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['endorsement', 'recommendation']),
      person: z.object({ name: z.string(), url: z.string().nullable(), organisation: z.string().nullable(), title: z.string().nullable() }),
      skill: z.string().nullable(),
      text: z.string().nullable(),
      dated: z.string().nullable(),
    }),
  ),
});
