/**
 * The evidence behind a received invitation, as its recipient may see it, and the facts the recipient's
 * rules test. Shared by the moment of arrival (to place the invitation) and the invitation list (to show it).
 */
import type { InvitationEvidence } from '../../common/schemas/screening.ts';
import type { Actor } from '../commands/auth/sessions.ts';
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { DAY_MS, EPOCH_2000_MS } from '../graph/scoring.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { allow } from '../policies/index.ts';
import { loadPersonCards } from '../queries/network/people.ts';
import { type ProfileData, loadProfiles } from '../queries/profiles.ts';
import { type RawStint, overlapsFrom } from '../queries/suggestions/overlap.ts';
import { profileStrength } from '../views/profile.ts';
import type { RuleFacts } from './policy.ts';
import { classifyNote, noteKindOf, TEMPLATE_MIN_MATCHES } from './note-kind.ts';
import { hasLink, noteAsks, notePitches, type Risk, riskScore, TEMPLATE_STRANGER_COPIES } from './risk.ts';
import { loadSenderFacts, type SenderFacts } from './sender-facts.ts';
import { findSimilarNotes } from './template.ts';

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

/** Someone the sender does not know: no organisation or school in common and fewer than 3 mutual connections. */
const MUTUALS_TO_KNOW = 3;
/** Earlier recipients of a near-copy examined to see whether the sender knew them. */
const COPIES_CHECKED = 20;

async function connectionCount(db: DbOrTx, memberId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM connections WHERE member_id = ${memberId}`);
  return r?.n ?? 0;
}

/**
 * How many earlier recipients of the same note the sender did not know: nothing in common on either full
 * profile, fewer than 3 mutual connections, and not connected since. Stops once `enough` are found.
 */
async function copiesToStrangers(db: DbOrTx, graph: GraphIndex, sender: ProfileData, recipients: number[], enough: number): Promise<number> {
  const ids = [...new Set(recipients)].slice(0, COPIES_CHECKED);
  const [profiles, degrees] = await Promise.all([loadProfiles(db, ids), graph.degrees(sender.id, ids)]);
  let strangers = 0;
  for (const [i, id] of ids.entries()) {
    const p = profiles.find((x) => x.id === id);
    if (!p || degrees[i] === 1) continue;
    const shared = sharedHistory(sender, p);
    if (shared.organisations.length + shared.schools.length > 0) continue;
    if ((await graph.mutuals(sender.id, id, 0)).count >= MUTUALS_TO_KNOW) continue;
    if (++strangers >= enough) break;
  }
  return strangers;
}

export async function judgeInvitation(input: EvidenceInput): Promise<Judgement> {
  const { db, graph, recipient, avoid, senderId } = input;
  const [[degree], mutuals, profiles, sender, similar, recipientConnections] = await Promise.all([
    graph.degrees(recipient.id, [senderId], { avoid }),
    graph.mutuals(recipient.id, senderId, 3, { avoid }),
    loadProfiles(db, [senderId, recipient.id]),
    loadSenderFacts(db, senderId),
    findSimilarNotes(db, senderId, input.noteSignature, input.invitationId),
    connectionCount(db, recipient.id),
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
  const written = classifyNote(note, [senderProfile.name, recipientProfile.name]);
  const kind = noteKindOf(written, similar.count);
  const unknown = !sharedOrgOrSchool && mutuals.count < MUTUALS_TO_KNOW;
  const similarToStrangers =
    unknown && similar.count >= TEMPLATE_MIN_MATCHES ? await copiesToStrangers(db, graph, senderProfile, similar.recipients, TEMPLATE_STRANGER_COPIES) : 0;
  const risk = riskScore({
    accountAgeDays: sender.accountAgeDays,
    profileStrength: strength,
    degree: deg,
    mutualCount: mutuals.count,
    sharedOrgOrSchool,
    recipientConnections,
    noteKind: kind,
    similarNotes: similar.count,
    similarToStrangers,
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
    note: { kind, similarNotes: similar.count },
    offers: visible ? senderProfile.offers : [],
    asks: visible ? senderProfile.asks : [],
    profileStrength: strength,
    accountAgeDays: Math.floor(sender.accountAgeDays),
    history: { sent: sender.history.sent, accepted: sender.history.accepted, dontKnow: sender.history.dontKnow, acceptanceRate: sender.history.acceptanceRate, dontKnowRate: sender.history.dontKnowRate },
    reports: sender.reports,
    risk,
  };
  const facts: RuleFacts = {
    // "A note" in a rule is one in the sender's own words (copied or not): no note, a stock text or a
    // one-word note does not count (docs/screening.md).
    hasNote: written === 'personal',
    mutualCount: mutuals.count,
    sharedOrgOrSchool,
    profileStrength: strength,
    degree: deg,
    risk: risk.score,
    flagged: sender.held || sender.limited || sender.flagged || sender.invitationsRestricted,
  };
  return { evidence, facts, sender, risk };
}
