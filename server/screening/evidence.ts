/**
 * The evidence behind a received invitation, as its recipient may see it, and the facts the recipient's
 * rules test. Shared by the moment of arrival (to place the invitation) and the invitation list (to show it).
 */
import type { InvitationEvidence } from '../../common/schemas/screening.ts';
import type { Actor } from '../commands/auth/sessions.ts';
import type { DbOrTx } from '../db/connection.ts';
import { DAY_MS, EPOCH_2000_MS } from '../graph/scoring.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { allow } from '../policies/index.ts';
import { loadPersonCards } from '../queries/network/people.ts';
import { type ProfileData, loadProfiles } from '../queries/profiles.ts';
import { type RawStint, overlapsFrom } from '../queries/suggestions/overlap.ts';
import { profileStrength } from '../views/profile.ts';
import type { RuleFacts } from './policy.ts';
import { hasLink, noteAsks, notePitches, type Risk, riskScore } from './risk.ts';
import { loadSenderFacts, type SenderFacts } from './sender-facts.ts';
import { countSimilarNotes } from './template.ts';

export interface EvidenceInput {
  db: DbOrTx;
  graph: GraphIndex;
  recipient: Actor;
  /** Members the recipient blocks or is blocked by: never counted as mutuals. */
  avoid: ReadonlySet<number>;
  senderId: number;
  note: string;
  noteSignature: readonly number[] | null;
  /** The invitation itself once stored, so its own note is not counted as a copy of itself. */
  invitationId: number | null;
}

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

export async function judgeInvitation(input: EvidenceInput): Promise<Judgement> {
  const { db, graph, recipient, avoid, senderId } = input;
  const [[degree], mutuals, profiles, sender, similarNotes] = await Promise.all([
    graph.degrees(recipient.id, [senderId], { avoid }),
    graph.mutuals(recipient.id, senderId, 3, { avoid }),
    loadProfiles(db, [senderId, recipient.id]),
    loadSenderFacts(db, senderId),
    countSimilarNotes(db, senderId, input.noteSignature, input.invitationId),
  ]);
  const senderProfile = profiles.find((p) => p.id === senderId);
  const recipientProfile = profiles.find((p) => p.id === recipient.id);
  if (!senderProfile || !recipientProfile) throw new Error('invitation between unknown members');
  const deg = degree === undefined || degree === 0 ? null : degree;
  // Only what the recipient may see of the sender's profile is evidence; a "network only" profile
  // seen from outside the network contributes its card and nothing else.
  const visible = allow(recipient, 'profile.viewFull', { kind: 'profile', memberId: senderId, visibility: senderProfile.visibility, degree: deg });
  const shared = visible
    ? { ...sharedHistory(senderProfile, recipientProfile), place: same(senderProfile.location, recipientProfile.location) ? senderProfile.location : null, industry: same(senderProfile.industry, recipientProfile.industry) ? senderProfile.industry : null }
    : { organisations: [], schools: [], place: null, industry: null };
  const sharedOrgOrSchool = shared.organisations.length + shared.schools.length > 0;
  const strength = profileStrength(senderProfile).score;
  const note = input.note.trim();
  const risk = riskScore({
    accountAgeDays: sender.accountAgeDays,
    profileStrength: strength,
    degree: deg,
    mutualCount: mutuals.count,
    sharedOrgOrSchool,
    similarNotes,
    noteHasLink: hasLink(note),
    noteAsks: noteAsks(note),
    notePitches: notePitches(note),
    offersCount: senderProfile.offers.length,
    asksCount: senderProfile.asks.length,
    history: sender.history,
    reports: sender.reports,
    sentLastDay: sender.sentLastDay,
    held: sender.held,
    limited: sender.limited,
    flagged: sender.flagged || sender.invitationsRestricted,
  });
  const first = await loadPersonCards({ db, graph, actor: recipient, avoid }, mutuals.first);
  const evidence: InvitationEvidence = {
    degree: deg,
    mutuals: { count: mutuals.count, first },
    shared,
    note: { kind: note === '' ? 'none' : similarNotes >= 2 ? 'template' : 'personal', similarNotes },
    offers: visible ? senderProfile.offers : [],
    asks: visible ? senderProfile.asks : [],
    profileStrength: strength,
    accountAgeDays: Math.floor(sender.accountAgeDays),
    history: { sent: sender.history.sent, accepted: sender.history.accepted, dontKnow: sender.history.dontKnow, acceptanceRate: sender.history.acceptanceRate, dontKnowRate: sender.history.dontKnowRate },
    reports: sender.reports,
    risk,
  };
  const facts: RuleFacts = {
    hasNote: note !== '',
    mutualCount: mutuals.count,
    sharedOrgOrSchool,
    profileStrength: strength,
    degree: deg,
    risk: risk.score,
    flagged: sender.held || sender.limited || sender.flagged || sender.invitationsRestricted,
  };
  return { evidence, facts, sender, risk };
}
