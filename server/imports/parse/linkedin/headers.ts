/** Recognising each LinkedIn file by its header row (names, never positions), in any era we know. */

const has = (headers: string[], ...names: string[]): boolean => names.every((n) => headers.includes(n));

/** The first of `aliases` present among `headers` (normalised), for files whose columns were renamed over time. */
export function pick(headers: string[], aliases: string[]): string | undefined {
  return aliases.find((a) => headers.includes(a));
}

export const NOTE_TEXT = ['note', 'notes', 'content', 'text'];
export const NOTE_NAME = ['name', 'full name', 'contact name'];
export const NOTE_URL = ['profile url', 'url', 'linkedin url', 'public profile url'];
export const NOTE_DATE = ['date', 'created at', 'created on', 'creation date'];

/** LinkedIn file kinds, each with the archive file name it has and the header row that identifies it. */
export const LINKEDIN_KINDS = {
  // The URL column arrived ~2023, the Notes: preamble ~2021; neither is required.
  connections: { file: 'connections.csv', isHeader: (h: string[]) => has(h, 'first name', 'last name', 'connected on') },
  invitations: { file: 'invitations.csv', isHeader: (h: string[]) => has(h, 'from', 'to', 'sent at') },
  // messages.csv grew CONVERSATION ID and profile URL columns over the years; FROM, TO and DATE were always there.
  messages: { file: 'messages.csv', isHeader: (h: string[]) => has(h, 'from', 'to', 'date') && !h.includes('sent at') },
  profile: { file: 'profile.csv', isHeader: (h: string[]) => has(h, 'first name', 'last name', 'headline') },
  positions: { file: 'positions.csv', isHeader: (h: string[]) => has(h, 'company name', 'title') },
  education: { file: 'education.csv', isHeader: (h: string[]) => has(h, 'school name') },
  // A lone `Name` column: Google's older contacts CSV also starts with `Name`, but never alone.
  skills: { file: 'skills.csv', isHeader: (h: string[]) => h.filter((x) => x !== '').length === 1 && h.includes('name') },
  endorsements: { file: 'endorsement_received_info.csv', isHeader: (h: string[]) => has(h, 'skill name', 'endorser first name', 'endorser last name') },
  recommendations: { file: 'recommendations_received.csv', isHeader: (h: string[]) => has(h, 'first name', 'last name', 'text') && !h.includes('connected on') },
  notes: {
    file: 'notes.csv',
    isHeader: (h: string[]) => pick(h, NOTE_TEXT) !== undefined && (pick(h, NOTE_NAME) !== undefined || has(h, 'first name', 'last name') || pick(h, NOTE_URL) !== undefined),
  },
} as const;

export type LinkedInKind = keyof typeof LINKEDIN_KINDS;

/** The LinkedIn kind of an archive entry by its base name, case-insensitively; null for a file we ignore. */
export function linkedInKindOfName(path: string): LinkedInKind | null {
  const base = path.split('/').pop()!.toLowerCase();
  for (const [kind, spec] of Object.entries(LINKEDIN_KINDS)) if (spec.file === base) return kind as LinkedInKind;
  return null;
}

/** The LinkedIn kind a header row belongs to, for a single CSV uploaded under another name. */
export function linkedInKindOfHeaders(headers: string[]): LinkedInKind | null {
  for (const [kind, spec] of Object.entries(LINKEDIN_KINDS)) if (spec.isHeader(headers)) return kind as LinkedInKind;
  return null;
}
