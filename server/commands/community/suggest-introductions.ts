/**
 * "Suggest introductions" (issue 15, Admin → Community): the operator sends a newcomer who has not found
 * their people yet one notification naming up to three members to meet, each a click away from the
 * invitation dialog. The server picks them (people they may know, else members who share their
 * organisation, place or industry), or the operator names them. Audited with ids and handles only.
 */
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { badRequest, conflict } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { NEWCOMER_CONNECTIONS } from '../../queries/community/analytics.ts';
import {
  connectionsUpTo,
  eligibleForIntroduction,
  membersByHandles,
  peopleByIds,
  sharedProfileCandidates,
} from '../../queries/community/introduction-candidates.ts';
import { suggestPeople } from '../../queries/suggestions.ts';
import { recordAudit } from '../audit.ts';
import { newcomerToHelp } from './welcome.ts';

/** At most this many people per suggestion: a short list a newcomer can act on. */
export const INTRODUCTIONS_MAX = 3;
/** People you may know asked of the graph: a few more than needed, since some may not be eligible here. */
const KNOWN_POOL = 10;

export interface SuggestIntroductionsDeps {
  db: Db;
  graph: GraphIndex;
  /** The wait after a withdrawn invitation (config), as "people you may know" applies it. */
  reinviteWaitMs: number;
}

export interface SuggestedPerson {
  handle: string;
  name: string;
}

/**
 * Suggests people to `handle`, a newcomer (fewer than NEWCOMER_CONNECTIONS connections), and tells them in
 * one notification (and its email): `chosen` handles when the operator named them, otherwise the server's
 * pick. 404 for no such active member, 403 for a non-operator or the operator themself, 409 `not_a_newcomer`
 * or `no_suggestions`, 400 `suggestion_person_unknown` for a chosen handle that may not be suggested.
 * Nothing is written unless it answers with the people.
 */
export async function suggestIntroductions(
  deps: SuggestIntroductionsDeps,
  actor: Actor,
  handle: string,
  chosen: readonly string[] | undefined,
  ip: string | null,
): Promise<{ people: SuggestedPerson[] }> {
  const { db } = deps;
  const newcomer = await newcomerToHelp(db, actor, handle);
  if ((await connectionsUpTo(db, newcomer.id, NEWCOMER_CONNECTIONS)) >= NEWCOMER_CONNECTIONS) throw conflict('not_a_newcomer');
  const picked = chosen ? await chosenPeople(db, newcomer.id, chosen) : await pickPeople(deps, newcomer.id);
  return inTransaction(db, async (tx) => {
    // Checked again with the write: a block or an invitation made meanwhile takes that person out.
    const still = await eligibleForIntroduction(tx, newcomer.id, picked);
    const ids = picked.filter((id) => still.has(id));
    if (chosen && ids.length < picked.length) {
      const gone = await peopleByIds(tx, picked.filter((id) => !still.has(id)));
      throw badRequest('suggestion_person_unknown', { params: { handle: gone[0]?.handle ?? '' } });
    }
    if (ids.length === 0) throw conflict('no_suggestions');
    const people = await peopleByIds(tx, ids);
    await recordEvent(tx, { kind: 'community.introductions_suggested', actorId: actor.id, subjectId: newcomer.id, data: { people: ids } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'community.suggest_introductions',
      subjectType: 'member',
      subjectId: newcomer.id,
      data: { people: ids, handles: people.map((p) => p.handle), chosen: chosen !== undefined },
      ip,
    });
    return { people: people.map((p) => ({ handle: p.handle, name: p.name })) };
  });
}

/** The operator's own choice, in their order, without repeats: each must exist and be eligible, or 400 naming it. */
async function chosenPeople(db: Db, newcomerId: number, handles: readonly string[]): Promise<number[]> {
  const unique = [...new Set(handles)];
  const found = await membersByHandles(db, unique);
  const eligible = await eligibleForIntroduction(db, newcomerId, [...found.values()].map((m) => m.id));
  for (const h of unique) {
    const m = found.get(h);
    if (!m || !eligible.has(m.id)) throw badRequest('suggestion_person_unknown', { params: { handle: h } });
  }
  return unique.map((h) => found.get(h)!.id);
}

/**
 * The server's pick: the newcomer's people you may know first (the graph's friends of friends and shared
 * history, ranked as on My Network), then, to fill the list, members who share their organisation, place or
 * industry, the most active and best connected first.
 */
async function pickPeople(deps: SuggestIntroductionsDeps, newcomerId: number): Promise<number[]> {
  const known = await suggestPeople({ db: deps.db, graph: deps.graph }, newcomerId, KNOWN_POOL, { reinviteWaitMs: deps.reinviteWaitMs });
  const eligible = await eligibleForIntroduction(deps.db, newcomerId, known.map((s) => s.memberId));
  const picked = known.map((s) => s.memberId).filter((id) => eligible.has(id)).slice(0, INTRODUCTIONS_MAX);
  if (picked.length < INTRODUCTIONS_MAX) picked.push(...(await sharedProfileCandidates(deps.db, newcomerId, picked, INTRODUCTIONS_MAX - picked.length)));
  return picked;
}
