/**
 * Loads what invitations are judged by (server/screening/evidence.ts) for a whole page at once: one
 * statement per kind of fact for all senders (profiles, sender facts, recent notes, the recipient's
 * connection count, the mutuals' cards), one graph call for all degrees, and a second round only for the
 * invitations whose note is a template sent to someone the sender may not know. The count of round trips
 * does not grow with the page.
 */
import { sql } from 'drizzle-orm';
import type { PersonCard } from '../../../common/schemas/search.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
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
import { loadProfiles, type ProfileData } from '../profiles.ts';
import { loadRecentNotes } from './notes.ts';
import { loadSenderFacts } from './sender-facts.ts';

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

async function connectionCount(db: DbOrTx, memberId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM connections WHERE member_id = ${memberId}`);
  return r?.n ?? 0;
}

/** Judges invitations received by the lens's viewer, in the order given. */
export async function judgeInvitations(lens: Lens, items: readonly InvitationToJudge[]): Promise<Judgement[]> {
  if (items.length === 0) return [];
  const { db, graph, actor, avoid } = lens;
  const senders = [...new Set(items.map((i) => i.senderId))];
  const [degrees, mutuals] = await Promise.all([
    graph.degrees(actor.id, senders, { avoid }),
    // No batch of "first mutuals" exists in the graph interface: one in-memory call per sender, no SQL.
    Promise.all(senders.map((s) => graph.mutuals(actor.id, s, MUTUAL_NAMES, { avoid }))),
  ]);
  // Sequential on purpose: inside the sending transaction both drivers hold one connection.
  const profiles = new Map((await loadProfiles(db, [actor.id, ...senders])).map((p) => [p.id, p]));
  const senderFacts = await loadSenderFacts(db, senders);
  const notes = await loadRecentNotes(db, senders);
  const recipientConnections = await connectionCount(db, actor.id);
  const cards = new Map((await loadPersonCards(lens, [...new Set(mutuals.flatMap((m) => m.first))])).map((c) => [c.id, c]));

  const recipient = profiles.get(actor.id);
  const facts: InvitationFacts[] = items.map((item) => {
    const i = senders.indexOf(item.senderId);
    const sender = profiles.get(item.senderId);
    const facts = senderFacts.get(item.senderId);
    if (!sender || !recipient || !facts) throw new Error('invitation between unknown members');
    const d = degrees[i];
    const degree = d === undefined || d === null || d === 0 ? null : d;
    const m = mutuals[i]!;
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
 * One batch of profiles for all the earlier recipients, and graph calls per sender.
 */
async function countStrangerCopies(db: DbOrTx, graph: GraphIndex, facts: InvitationFacts[]): Promise<void> {
  const checked = facts.filter((f) => needsStrangerCheck(sharedWith(f.sender, f.recipient, f.visible), f.mutuals.count, f.similar));
  if (checked.length === 0) return;
  const idsOf = checked.map((f) => recipientsToCheck(f.similar));
  const profiles = new Map<number, ProfileData>((await loadProfiles(db, [...new Set(idsOf.flat())])).map((p) => [p.id, p]));
  await Promise.all(
    checked.map(async (f, n) => {
      const ids = idsOf[n]!;
      const [degrees, counts] = await Promise.all([graph.degrees(f.sender.id, ids), graph.mutualCounts(f.sender.id, ids)]);
      const earlier: EarlierRecipient[] = ids.map((id, i) => ({ profile: profiles.get(id), degree: degrees[i] ?? null, mutualCount: counts[i] ?? 0 }));
      f.similarToStrangers = strangerCopies(f.sender, earlier);
    }),
  );
}
