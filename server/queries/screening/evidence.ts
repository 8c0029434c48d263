/**
 * Loads what invitations are judged by (server/screening/evidence.ts) for a whole page at once: the graph's
 * facts first (degrees and first mutuals, in memory), so the mutuals' cards can be hydrated with the page's
 * other people; then one statement for all senders' profiles and sender facts (with the recipient's profile and
 * connection count) and one for their recent notes, and a second round only for the invitations whose
 * note is a template sent to someone the sender may not know. The count of round trips does not grow with
 * the page.
 */
import type { PersonCard } from '../../../common/schemas/search.ts';
import type { DbOrTx } from '../../db/connection.ts';
import type { Degree, GraphIndex, Mutuals } from '../../graph/graph-index.ts';
import { allow } from '../../policies/index.ts';
import {
  type EarlierRecipient,
  type InvitationFacts,
  type Judgement,
  judgeInvitation,
  needsStrangerCheck,
  recipientsToCheck,
  sharedWith,
  strangerCopies,
} from '../../screening/evidence.ts';
import { similarNotes } from '../../screening/template.ts';
import { type Lens, loadPersonCards } from '../network/people.ts';
import { loadRecentNotes } from './notes.ts';
import { loadEvidenceProfiles } from './profiles.ts';

/** An invitation to judge, received by the lens's viewer. */
export interface InvitationToJudge {
  /** The invitation once stored, so its own note is not counted as a copy of itself; null before. */
  invitationId: number | null;
  senderId: number;
  note: string;
  noteSignature: readonly number[] | null;
}

/** How many mutual connections' names the evidence shows. */
const MUTUAL_NAMES = 3;

const NO_MUTUALS: Mutuals = { count: 0, first: [] };

/** The graph's part of the evidence for a set of senders: answered in memory, no SQL. */
export interface GraphEvidence {
  /** Position of each sender in `degrees` and `mutuals`. */
  index: ReadonlyMap<number, number>;
  degrees: readonly Degree[];
  mutuals: readonly Mutuals[];
}

/** The graph facts of each sender (degree, and the first mutual connections), before any SQL. */
export async function loadGraphEvidence(lens: Lens, senderIds: readonly number[]): Promise<GraphEvidence> {
  const { graph, actor, avoid } = lens;
  const senders = [...new Set(senderIds)];
  const degrees = await graph.degrees(actor.id, senders, { avoid });
  // No batch of "first mutuals" exists in the graph interface: one in-memory call per sender, no SQL. Only a
  // sender at degree 1 or 2 can share a connection with the viewer (degree 2 is having one, avoiding the
  // same members), so the others are answered without asking: at 1 M members most strangers are beyond.
  const mutuals = await Promise.all(
    senders.map((s, i) => (degrees[i] === 1 || degrees[i] === 2 ? graph.mutuals(actor.id, s, MUTUAL_NAMES, { avoid }) : NO_MUTUALS)),
  );
  return { index: new Map(senders.map((id, i) => [id, i])), degrees, mutuals };
}

/** The members whose cards the evidence names (the first mutual connections), to hydrate with the rest of a page. */
export const mutualIdsOf = (g: GraphEvidence): number[] => [...new Set(g.mutuals.flatMap((m) => m.first))];

/** Judges invitations received by the lens's viewer, in the order given. */
export async function judgeInvitations(lens: Lens, items: readonly InvitationToJudge[]): Promise<Judgement[]> {
  if (items.length === 0) return [];
  const g = await loadGraphEvidence(lens, items.map((i) => i.senderId));
  const cards = new Map((await loadPersonCards(lens, mutualIdsOf(g))).map((c) => [c.id, c]));
  return judgeWithGraphEvidence(lens, items, g, cards);
}

/**
 * Judges invitations whose graph facts are loaded and whose mutual connections' cards are hydrated (a
 * page of invitations hydrates them with its other people in one statement). Then per kind of fact one
 * statement for all senders: their profiles and sender facts with the recipient's profile, then their recent notes.
 */
export async function judgeWithGraphEvidence(
  lens: Lens,
  items: readonly InvitationToJudge[],
  g: GraphEvidence,
  cards: ReadonlyMap<number, PersonCard>,
): Promise<Judgement[]> {
  if (items.length === 0) return [];
  const { db, graph, actor } = lens;
  const senders = [...new Set(items.map((i) => i.senderId))];
  // Sequential on purpose: inside the sending transaction both drivers hold one connection.
  const { profiles, senderFacts, recipientConnections } = await loadEvidenceProfiles(db, actor.id, senders);
  // Only a note with a signature is compared with the sender's others (similarNotes): no signature, no look-up.
  const notes = await loadRecentNotes(db, [...new Set(items.filter((i) => i.noteSignature !== null).map((i) => i.senderId))]);
  const recipient = profiles.get(actor.id);
  const facts: InvitationFacts[] = items.map((item) => {
    const i = g.index.get(item.senderId);
    const sender = profiles.get(item.senderId);
    const facts = senderFacts.get(item.senderId);
    if (!sender || !recipient || !facts || i === undefined) throw new Error('invitation between unknown members');
    const d = g.degrees[i];
    const degree = d === undefined || d === null || d === 0 ? null : d;
    const m = g.mutuals[i]!;
    // Only what the recipient may see of the sender's profile is evidence; a "network only" profile
    // seen from outside the network contributes its card and nothing else.
    const visible = allow(actor, 'profile.viewFull', { kind: 'profile', memberId: item.senderId, visibility: sender.visibility, degree });
    return {
      sender,
      recipient,
      visible,
      degree,
      mutuals: { count: m.count, first: m.first.map((id) => cards.get(id)).filter((c): c is PersonCard => c !== undefined) },
      senderFacts: facts,
      note: item.note,
      similar: similarNotes(item.noteSignature, notes.get(item.senderId) ?? [], item.invitationId),
      similarToStrangers: 0,
      recipientConnections,
    };
  });
  await countStrangerCopies(db, graph, facts);
  return facts.map(judgeInvitation);
}

/**
 * For each template sent to someone the sender may not know: how many earlier copies went to strangers.
 * One statement of profiles for all the earlier recipients, and graph calls per sender.
 */
async function countStrangerCopies(db: DbOrTx, graph: GraphIndex, facts: InvitationFacts[]): Promise<void> {
  const checked = facts.filter((f) => needsStrangerCheck(sharedWith(f.sender, f.recipient, f.visible), f.mutuals.count, f.similar));
  if (checked.length === 0) return;
  const idsOf = checked.map((f) => recipientsToCheck(f.similar));
  const { profiles } = await loadEvidenceProfiles(db, null, idsOf.flat());
  await Promise.all(
    checked.map(async (f, n) => {
      const ids = idsOf[n]!;
      const [degrees, counts] = await Promise.all([graph.degrees(f.sender.id, ids), graph.mutualCounts(f.sender.id, ids)]);
      const earlier: EarlierRecipient[] = ids.map((id, i) => ({ profile: profiles.get(id), degree: degrees[i] ?? null, mutualCount: counts[i] ?? 0 }));
      f.similarToStrangers = strangerCopies(f.sender, earlier);
    }),
  );
}
