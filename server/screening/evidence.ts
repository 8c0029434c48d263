/**
 * The evidence behind a received invitation, as its recipient may see it, and the facts the recipient's
 * rules test: a pure function of facts loaded beforehand (server/queries/screening/evidence.ts loads them
 * for a whole page at once). Shared by the moment of arrival (to place the invitation) and the invitation
 * list (to show it).
 */
import type { InvitationEvidence } from '../../common/schemas/screening.ts';
import type { PersonCard } from '../../common/schemas/search.ts';
import { DAY_MS, EPOCH_2000_MS } from '../graph/scoring.ts';
import type { ProfileData } from '../queries/profiles.ts';
import { overlapsFrom, type RawStint } from '../queries/suggestions/overlap.ts';
import { profileStrength } from '../views/profile.ts';
import { classifyNote, noteKindOf, TEMPLATE_MIN_MATCHES } from './note-kind.ts';
import type { RuleFacts } from './policy.ts';
import { pitchedPeople, pitching } from './pitch.ts';
import { hasLink, noteAsks, notePitches, type Risk, riskScore, TEMPLATE_STRANGER_COPIES } from './risk.ts';
import type { SenderFacts } from './sender-facts.ts';
import type { SimilarNotes } from './template.ts';

export interface Judgement {
  evidence: InvitationEvidence;
  facts: RuleFacts;
  sender: SenderFacts;
  risk: Risk;
}

const dayOf = (iso: string) => Math.floor((Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`) - EPOCH_2000_MS) / DAY_MS);

/** Organisations and schools both list, with overlapping years, from the two full profiles. */
export function sharedHistory(sender: ProfileData, recipient: ProfileData, nowMs = Date.now()) {
  const raw: RawStint[] = [];
  const names = new Map<number, string>();
  for (const e of sender.experience) {
    for (const mine of recipient.experience.filter((r) => r.organisation.id === e.organisation.id)) {
      names.set(e.organisation.id, e.organisation.name);
      raw.push({
        kind: 'org', id: sender.id, orgId: e.organisation.id, connected: false,
        start: dayOf(e.startDate), end: e.endDate ? dayOf(e.endDate) : null,
        viewerStart: dayOf(mine.startDate), viewerEnd: mine.endDate ? dayOf(mine.endDate) : null,
      });
    }
  }
  for (const e of sender.education) {
    for (const mine of recipient.education.filter((r) => r.school.id === e.school.id)) {
      names.set(e.school.id, e.school.name);
      raw.push({ kind: 'school', id: sender.id, orgId: e.school.id, connected: false, start: e.startYear, end: e.endYear, viewerStart: mine.startYear, viewerEnd: mine.endYear });
    }
  }
  const seen = new Set<string>();
  const rows = overlapsFrom(raw, names, nowMs).filter((o) => !seen.has(`${o.kind}:${o.orgId}`) && seen.add(`${o.kind}:${o.orgId}`));
  const stint = (o: (typeof rows)[number]) => ({ name: o.orgName, fromYear: o.fromYear, toYear: o.toYear });
  return { organisations: rows.filter((o) => o.kind === 'org').map(stint), schools: rows.filter((o) => o.kind === 'school').map(stint) };
}

const same = (a: string, b: string) => a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Someone the sender does not know: no organisation or school in common and fewer than 3 mutual connections. */
export const MUTUALS_TO_KNOW = 3;
/** Earlier recipients of a near-copy examined to see whether the sender knew them. */
export const COPIES_CHECKED = 20;

/** What the two share, as far as the recipient may see the sender's profile. */
export function sharedWith(sender: ProfileData, recipient: ProfileData, visible: boolean): InvitationEvidence['shared'] {
  if (!visible) return { organisations: [], schools: [], place: null, industry: null };
  return {
    ...sharedHistory(sender, recipient),
    place: same(sender.location, recipient.location) ? sender.location : null,
    industry: same(sender.industry, recipient.industry) ? sender.industry : null,
  };
}

const sharesOrgOrSchool = (shared: InvitationEvidence['shared']) => shared.organisations.length + shared.schools.length > 0;

/**
 * Whether the sender's copies of this note must be examined for strangers (the loader then loads the
 * earlier recipients): the recipient is someone the sender does not know, and the note is a template.
 */
export function needsStrangerCheck(shared: InvitationEvidence['shared'], mutualCount: number, similar: SimilarNotes): boolean {
  return !sharesOrgOrSchool(shared) && mutualCount < MUTUALS_TO_KNOW && similar.count >= TEMPLATE_MIN_MATCHES;
}

/** The earlier recipients examined for strangers: the first COPIES_CHECKED distinct ones, newest first. */
export const recipientsToCheck = (similar: SimilarNotes) => [...new Set(similar.recipients)].slice(0, COPIES_CHECKED);

/** One earlier recipient of a near-copy, as loaded: their profile, degree from the sender and mutual count. */
export interface EarlierRecipient {
  profile: ProfileData | undefined;
  degree: number | null;
  mutualCount: number;
}

/**
 * How many earlier recipients of the same note the sender did not know (nothing in common on either full
 * profile, fewer than 3 mutual connections, and not connected since), counting up to `enough`.
 */
export function strangerCopies(sender: ProfileData, earlier: readonly EarlierRecipient[], enough = TEMPLATE_STRANGER_COPIES): number {
  let strangers = 0;
  for (const e of earlier) {
    if (!e.profile || e.degree === 1) continue;
    const shared = sharedHistory(sender, e.profile);
    if (shared.organisations.length + shared.schools.length > 0) continue;
    if (e.mutualCount >= MUTUALS_TO_KNOW) continue;
    if (++strangers >= enough) break;
  }
  return strangers;
}

/** Everything one invitation is judged by, loaded beforehand. */
export interface InvitationFacts {
  sender: ProfileData;
  recipient: ProfileData;
  /** The recipient may see the sender's full profile: otherwise only their card is evidence. */
  visible: boolean;
  /** The sender's degree from the recipient; null beyond 3rd or across a block. */
  degree: number | null;
  mutuals: { count: number; first: PersonCard[] };
  senderFacts: SenderFacts;
  note: string;
  similar: SimilarNotes;
  /** strangerCopies() when needsStrangerCheck(), else 0. */
  similarToStrangers: number;
  /** The recipient's connections. */
  recipientConnections: number;
}

export function judgeInvitation(f: InvitationFacts): Judgement {
  const { sender, senderFacts } = f;
  const shared = sharedWith(sender, f.recipient, f.visible);
  const sharedOrgOrSchool = sharesOrgOrSchool(shared);
  const strength = profileStrength(sender).score;
  const note = f.note.trim();
  const written = classifyNote(note, [sender.name, f.recipient.name]);
  const kind = noteKindOf(written, f.similar.count);
  const risk = riskScore({
    accountAgeDays: senderFacts.accountAgeDays,
    profileStrength: strength,
    degree: f.degree,
    mutualCount: f.mutuals.count,
    sharedOrgOrSchool,
    recipientConnections: f.recipientConnections,
    noteKind: kind,
    similarNotes: f.similar.count,
    similarToStrangers: f.similarToStrangers,
    noteHasLink: hasLink(note),
    noteAsks: noteAsks(note),
    notePitches: notePitches(note),
    offersCount: sender.offers.length,
    asksCount: sender.asks.length,
    history: senderFacts.history,
    reports: senderFacts.reports,
    sentLastDay: senderFacts.sentLastDay,
    held: senderFacts.held,
    limited: senderFacts.limited,
    flagged: senderFacts.flagged || senderFacts.invitationsRestricted,
    pitchedConnections: pitching(senderFacts.pitch) ? pitchedPeople(senderFacts.pitch) : 0,
  });
  const h = senderFacts.history;
  const evidence: InvitationEvidence = {
    degree: f.degree,
    mutuals: f.mutuals,
    shared,
    note: { kind, similarNotes: f.similar.count },
    offers: f.visible ? sender.offers : [],
    asks: f.visible ? sender.asks : [],
    profileStrength: strength,
    accountAgeDays: Math.floor(senderFacts.accountAgeDays),
    history: { sent: h.sent, accepted: h.accepted, dontKnow: h.dontKnow, acceptanceRate: h.acceptanceRate, dontKnowRate: h.dontKnowRate },
    reports: senderFacts.reports,
    risk,
  };
  const facts: RuleFacts = {
    // "A note" in a rule is one in the sender's own words (copied or not): no note, a stock text or a
    // one-word note does not count (docs/screening.md).
    hasNote: written === 'personal',
    mutualCount: f.mutuals.count,
    sharedOrgOrSchool,
    profileStrength: strength,
    degree: f.degree,
    risk: risk.score,
    flagged: senderFacts.held || senderFacts.limited || senderFacts.flagged || senderFacts.invitationsRestricted,
  };
  return { evidence, facts, sender: senderFacts, risk };
}
