import { sql } from 'drizzle-orm';
import { type StoredReason, storedReason } from '../../common/reasons.ts';
import { type Database, rows } from '../../server/db/connection.ts';
import { ADVERSARY_KINDS, type AdversaryKind, type SimMember } from './actors.ts';
import type { SimClock } from './clock.ts';
import type { Attempt, Driver, MessageAttempt } from './drive.ts';

/**
 * The simulation's results, computed after the run from the driver's log of attempts (HTTP outcomes and
 * each invitation's folder on arrival) and from the database (restrictions, moderation flags, final
 * invitation status). Nothing here knows what the defences are meant to do.
 */

export type Outcome =
  | 'not_registered'
  | 'allowance'
  | 'outstanding_cap'
  | 'refused_by_platform'
  | 'refused_by_recipient_rule'
  | 'rate_limited'
  | 'held'
  | 'other_by_platform'
  | 'other_by_rule'
  | 'inbox'
  | 'auto_accepted'
  | 'failed';

const PLATFORM_CODES = new Set(['account_held', 'invitations_restricted', 'note_links_not_allowed', 'account_suspended', 'account_limited']);
const REACHED: Outcome[] = ['inbox', 'auto_accepted'];
/** Outcomes that mean the platform stopped the invitation (not the recipient's own rules). */
const PLATFORM_STOPS: Outcome[] = ['not_registered', 'allowance', 'outstanding_cap', 'refused_by_platform', 'rate_limited', 'held', 'other_by_platform'];

export function outcomeOf(a: Attempt): Outcome {
  if (a.status === 0) return 'not_registered';
  if (a.status === 429) return a.code === 'invitation_allowance' ? 'allowance' : 'rate_limited';
  if (a.status === 409 && a.code === 'invitation_limit') return 'outstanding_cap';
  if (a.status === 403 && a.code && PLATFORM_CODES.has(a.code)) return 'refused_by_platform';
  if (a.status === 403 && (a.code === 'invitation_not_allowed' || a.code === 'invitation_needs_email')) return 'refused_by_recipient_rule';
  if (a.status !== 200 && a.status !== 201) return 'failed';
  switch (a.folder) {
    case 'held':
      return 'held';
    case 'other':
      return a.placement?.includes('by the platform') ? 'other_by_platform' : 'other_by_rule';
    case 'auto':
      return 'auto_accepted';
    default:
      return 'inbox';
  }
}

const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

function tally(attempts: Attempt[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of attempts) {
    const o = outcomeOf(a);
    // Refusals name their code: which rule refused is the interesting part.
    const key = (o === 'refused_by_platform' || o === 'refused_by_recipient_rule' || o === 'failed') && a.code ? `${o}: ${a.code}` : o;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

export interface DetectionEvent {
  how: string;
  /** Invitations the adversary had attempted before this moment. */
  attemptsBefore: number;
  /** Simulated hours since the adversary's first action (its sign-up); exact to the day (see SimClock). */
  simHours: number;
  /** The day of the adversary's activity it happened on: 1 is the day it signed up. */
  simDay: number;
  /** Wall-clock seconds since its first action. */
  wallSeconds: number;
}

export interface AdversaryResult {
  kind: AdversaryKind;
  /**
   * What its attempts are: invitations, or (connect-then-pitch) the people it set out to pitch, each reached
   * when its pitch landed in their inbox; `created` is then its pitches sent, and `createdReachedShare` theirs.
   */
  unit: 'invitations' | 'pitches';
  accounts: number;
  attempts: number;
  reached: number;
  reachedShare: number | null;
  stoppedShare: number | null;
  outcomes: Record<string, number>;
  /** Of the invitations the API accepted (created), the share that reached an inbox. */
  created: number;
  createdReachedShare: number | null;
  /** Invitations to honest members that ended accepted (the adversary's new connections). */
  accepted: number;
  internalInvitations: number;
  accountsRestricted: number;
  accountsFlagged: number;
  firstStop: DetectionEvent | null;
  firstFlag: DetectionEvent | null;
  firstTemplateMark: DetectionEvent | null;
  /** Each invitation that reached an inbox, as screening judged it on arrival: why it was not stopped. */
  reachedJudgements: { risk: number; reasons: string[]; placement: string }[];
  /** For connect-then-pitch: its invitations (the polite part), by outcome, and how many ended connected. */
  invitations?: { attempts: number; outcomes: Record<string, number>; accepted: number };
  /** For connect-then-pitch: its pitches, by where they landed. */
  pitches?: { sent: number; outcomes: Record<string, number> };
}

/** Messages honest members wrote to new connections, where they landed, and whether any sender was flagged for them. */
export interface HonestMessages {
  sent: number;
  places: Record<string, number>;
  /** Honest senders with a connect-then-pitch flag. */
  pitchFlagged: number;
}

/** A pitch's outcome: reached the inbox, or how it was stopped. */
function messageOutcome(m: MessageAttempt): string {
  if (m.status === 0) return 'not_registered';
  if (m.status !== 201) return m.code ? `refused: ${m.code}` : `failed ${m.status}`;
  return m.place ?? 'unknown';
}

function tallyMessages(list: MessageAttempt[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of list) {
    const o = messageOutcome(m);
    out[o] = (out[o] ?? 0) + 1;
  }
  return out;
}

export interface HonestResult {
  members: number;
  restricted: number;
  restrictedShare: number | null;
  /** Members by reason (a member may have several). */
  reasons: Record<string, number>;
  /** Also counting invitations the platform (not the recipient's rules) put in "Other". */
  restrictedOrDemoted: number;
  restrictedOrDemotedShare: number | null;
  invitations: { attempts: number; outcomes: Record<string, number>; accepted: number; acceptedShare: number | null; dontKnow: number };
  edgeCases: Record<string, { memberId: number; attempts: number; outcomes: Record<string, number>; accepted: number; restricted: string[] }>;
}

interface DbEvent {
  member_id: number;
  at: Date | string;
  what: string;
}

export async function computeMetrics(
  database: Database,
  driver: Driver,
  clock: SimClock,
  adversaries: { kind: AdversaryKind; members: SimMember[] }[],
): Promise<{ adversaries: AdversaryResult[]; honest: HonestResult; answers: Record<string, number>; messages: HonestMessages }> {
  const db = database.db;
  const restrictions = await rows<DbEvent>(db, sql`SELECT member_id, created_at AS at, 'restriction: ' || kind AS what FROM member_restrictions`);
  const flags = await rows<DbEvent>(db, sql`SELECT unnest(member_ids) AS member_id, created_at AS at, 'flag: ' || kind AS what FROM moderation_flags`);
  const firstId = Math.min(...driver.attempts.map((a) => a.invitationId ?? Number.MAX_SAFE_INTEGER));
  const finals = await rows<{ id: number; status: string }>(db, sql`SELECT id, status FROM invitations WHERE id >= ${firstId}`);
  const finalStatus = new Map(finals.map((f) => [Number(f.id), f.status]));
  const accepted = (list: Attempt[]) => list.filter((a) => a.invitationId !== null && finalStatus.get(a.invitationId) === 'accepted').length;

  const simOf = (e: DbEvent) => clock.simTimeOfStored(new Date(e.at).getTime());

  const advResults: AdversaryResult[] = [];
  for (const kind of ADVERSARY_KINDS) {
    const group = adversaries.filter((a) => a.kind === kind).flatMap((a) => a.members);
    const ids = new Set(group.map((m) => m.id).filter((id) => id > 0));
    if (kind === 'pitcher') {
      advResults.push(pitcherResult(driver, clock, group.length, ids, [...restrictions, ...flags], simOf, accepted, finalStatus));
      continue;
    }
    const mine = driver.attempts.filter((a) => a.senderKind === kind);
    const external = mine.filter((a) => !a.internal && a.recipientHonest);
    const reached = external.filter((a) => REACHED.includes(outcomeOf(a))).length;
    const created = external.filter((a) => a.invitationId !== null);
    const start = driver.firstAction.get(kind);
    const event = (simMs: number, how: string): DetectionEvent | null =>
      start
        ? {
            how,
            attemptsBefore: external.filter((a) => a.simMs < simMs).length,
            simHours: Math.round(((simMs - start.simMs) / 3_600_000) * 10) / 10,
            simDay: 1 + Math.floor((simMs - start.simMs) / 86_400_000),
            wallSeconds: Math.round((clock.wallOfSim(simMs) - start.wallMs) / 100) / 10,
          }
        : null;
    const stop = external.find((a) => PLATFORM_STOPS.includes(outcomeOf(a)));
    const dbEvents = [...restrictions, ...flags]
      .filter((e) => ids.has(e.member_id))
      .map((e) => ({ e, simMs: simOf(e) }))
      .sort((a, b) => a.simMs - b.simMs);
    const flag = dbEvents[0];
    const template = external.find((a) => a.template);
    const reachedIds = external.filter((a) => REACHED.includes(outcomeOf(a)) && a.invitationId !== null).map((a) => a.invitationId!);
    const reachedJudgements = reachedIds.length
      ? (
          await rows<{ risk: number; reasons: string[]; placement: StoredReason | null }>(
            db,
            sql`SELECT risk_score AS risk, risk_reasons AS reasons, placement FROM invitations WHERE id IN (${sql.join(reachedIds.map((id) => sql`${id}`), sql`, `)}) ORDER BY id`,
          )
        ).map((r) => ({ risk: r.risk, reasons: r.reasons, placement: r.placement ? storedReason(r.placement.code, r.placement.params).text : '' }))
      : [];
    advResults.push({
      kind,
      unit: 'invitations',
      accounts: group.length,
      attempts: external.length,
      reached,
      reachedShare: share(reached, external.length),
      stoppedShare: share(external.length - reached, external.length),
      outcomes: tally(external),
      created: created.length,
      createdReachedShare: share(created.filter((a) => REACHED.includes(outcomeOf(a))).length, created.length),
      accepted: accepted(external),
      internalInvitations: mine.length - external.length,
      accountsRestricted: new Set(restrictions.filter((r) => ids.has(r.member_id)).map((r) => r.member_id)).size,
      accountsFlagged: new Set(flags.filter((r) => ids.has(r.member_id)).map((r) => r.member_id)).size,
      firstStop: stop ? event(stop.simMs, outcomeOf(stop) + (stop.code ? ` (${stop.code})` : '')) : null,
      firstFlag: flag ? event(flag.simMs, flag.e.what) : null,
      firstTemplateMark: template ? event(template.simMs, 'note marked as a template') : null,
      reachedJudgements,
    });
  }

  // Honest members: everyone loaded or signed up honestly during the run.
  const honestMembers = [...driver.community.people, ...[...driver.joined.values()].filter((m) => m.honest)].filter((m) => m.id > 0);
  const honestIds = new Set(honestMembers.map((m) => m.id));
  const reasonsOf = new Map<number, Set<string>>();
  const note = (id: number, reason: string) => {
    if (!honestIds.has(id)) return;
    let set = reasonsOf.get(id);
    if (!set) reasonsOf.set(id, (set = new Set()));
    set.add(reason);
  };
  for (const r of restrictions) note(r.member_id, r.what);
  for (const f of flags) note(f.member_id, f.what);
  const honestAttempts = driver.attempts.filter((a) => honestIds.has(a.senderId));
  for (const a of honestAttempts) {
    const o = outcomeOf(a);
    if (o === 'allowance' || o === 'outstanding_cap' || o === 'refused_by_platform' || o === 'rate_limited' || o === 'held') note(a.senderId, `invitation ${o}`);
  }
  const restricted = reasonsOf.size;
  const demoted = new Set([...reasonsOf.keys(), ...honestAttempts.filter((a) => outcomeOf(a) === 'other_by_platform').map((a) => a.senderId)]);
  const reasonCounts: Record<string, number> = {};
  for (const set of reasonsOf.values()) for (const r of set) reasonCounts[r] = (reasonCounts[r] ?? 0) + 1;
  const honestCreated = honestAttempts.filter((a) => a.invitationId !== null);
  const honestAccepted = accepted(honestAttempts);

  type Edge = HonestResult['edgeCases'][string];
  const edge = (label: string, m: SimMember | undefined): [string, Edge] => {
    if (!m || m.id === 0) return [label, { memberId: 0, attempts: 0, outcomes: {}, accepted: 0, restricted: ['never signed up'] }];
    const list = honestAttempts.filter((a) => a.senderId === m.id);
    return [label, { memberId: m.id, attempts: list.length, outcomes: tally(list), accepted: accepted(list), restricted: [...(reasonsOf.get(m.id) ?? [])] }];
  };
  const joinedHonest = [...driver.joined.values()].filter((m) => m.honest);
  const officeIps = new Map<string, number>();
  for (const m of joinedHonest) officeIps.set(m.ip, (officeIps.get(m.ip) ?? 0) + 1);
  const office = joinedHonest.filter((m) => (officeIps.get(m.ip) ?? 0) > 1);
  const edgeCases = Object.fromEntries([
    edge('open_networker', driver.community.openNetworker),
    edge('newcomer', joinedHonest.find((m) => m.kind === 'newcomer')),
    edge('returning', driver.community.returning),
    ...office.map((m, i) => edge(`office_signup_${i + 1}`, m)),
  ]);

  const answers: Record<string, number> = {};
  for (const a of driver.answers) {
    const sender = driver.member(a.senderId);
    const key = `${sender?.honest === false ? 'adversary' : 'honest'} → ${a.answer}`;
    answers[key] = (answers[key] ?? 0) + 1;
    if (a.reported) answers[`${sender?.honest === false ? 'adversary' : 'honest'} → reported`] = (answers[`${sender?.honest === false ? 'adversary' : 'honest'} → reported`] ?? 0) + 1;
  }
  answers['answered with the evidence card'] = driver.answers.filter((a) => a.usedEvidence).length;

  const honestMessages = driver.messages.filter((m) => honestIds.has(m.senderId));
  const pitchFlagged = new Set(flags.filter((f) => f.what === 'flag: pitch' && honestIds.has(f.member_id)).map((f) => f.member_id)).size;

  return {
    messages: { sent: honestMessages.length, places: tallyMessages(honestMessages), pitchFlagged },
    adversaries: advResults,
    honest: {
      members: honestMembers.length,
      restricted,
      restrictedShare: share(restricted, honestMembers.length),
      reasons: reasonCounts,
      restrictedOrDemoted: demoted.size,
      restrictedOrDemotedShare: share(demoted.size, honestMembers.length),
      invitations: {
        attempts: honestAttempts.length,
        outcomes: tally(honestAttempts),
        accepted: honestAccepted,
        acceptedShare: share(honestAccepted, honestCreated.length),
        dontKnow: driver.answers.filter((a) => honestIds.has(a.senderId) && a.answer === 'dont-know').length,
      },
      edgeCases,
    },
    answers,
  };
}

/**
 * Connect-then-pitch is measured by the people it set out to pitch: everyone it invited (and anyone who
 * connected with it otherwise), each reached when a pitch of its landed in their inbox. Each is stopped at
 * the first step that did not get through: the invitation (held, refused, put in Other, or just not
 * accepted), or the pitch (Requests, not delivered, refused). The pitches alone are tallied beside.
 */
function pitcherResult(
  driver: Driver,
  clock: SimClock,
  accounts: number,
  ids: Set<number>,
  events: DbEvent[],
  simOf: (e: DbEvent) => number,
  accepted: (list: Attempt[]) => number,
  finalStatus: Map<number, string>,
): AdversaryResult {
  const pitches = driver.messages.filter((m) => m.senderKind === 'pitcher' && m.recipientHonest);
  const invitations = driver.attempts.filter((a) => a.senderKind === 'pitcher' && a.recipientHonest);
  const pitchTo = new Map(pitches.map((m) => [m.recipientId, m]));
  const targets = new Map<number, { simMs: number; outcome: string }>();
  for (const a of invitations) {
    const pitch = pitchTo.get(a.recipientId);
    const connected = a.invitationId !== null && finalStatus.get(a.invitationId) === 'accepted';
    const outcome = pitch ? `pitch: ${messageOutcome(pitch)}` : connected ? 'connected, not pitched yet' : `invitation: ${outcomeOf(a).replace(/^(inbox|other_by_rule)$/, '$1, not accepted')}`;
    targets.set(a.recipientId, { simMs: pitch && outcome !== 'pitch: inbox' ? pitch.simMs : a.simMs, outcome });
  }
  // Someone who connected with it some other way, and was pitched.
  for (const m of pitches) if (!targets.has(m.recipientId)) targets.set(m.recipientId, { simMs: m.simMs, outcome: `pitch: ${messageOutcome(m)}` });
  const list = [...targets.values()];
  const reached = list.filter((x) => x.outcome === 'pitch: inbox').length;
  const start = driver.firstAction.get('pitcher');
  const event = (simMs: number, how: string): DetectionEvent | null =>
    start
      ? {
          how,
          attemptsBefore: list.filter((x) => x.simMs < simMs).length,
          simHours: Math.round(((simMs - start.simMs) / 3_600_000) * 10) / 10,
          simDay: 1 + Math.floor((simMs - start.simMs) / 86_400_000),
          wallSeconds: Math.round((clock.wallOfSim(simMs) - start.wallMs) / 100) / 10,
        }
      : null;
  // The first time the platform stopped it: an invitation it stopped, or a pitch kept out of an inbox.
  const platformStop = [
    ...invitations.filter((a) => PLATFORM_STOPS.includes(outcomeOf(a))).map((a) => ({ simMs: a.simMs, how: `invitation ${outcomeOf(a)}` })),
    ...pitches.filter((m) => m.place !== 'inbox').map((m) => ({ simMs: m.simMs, how: `pitch ${messageOutcome(m)}` })),
  ].sort((a, b) => a.simMs - b.simMs)[0];
  const mine = events
    .filter((e) => ids.has(e.member_id))
    .map((e) => ({ e, simMs: simOf(e) }))
    .sort((a, b) => a.simMs - b.simMs);
  const flag = mine[0];
  const outcomes: Record<string, number> = {};
  for (const x of list) outcomes[x.outcome] = (outcomes[x.outcome] ?? 0) + 1;
  return {
    kind: 'pitcher',
    unit: 'pitches',
    accounts,
    attempts: list.length,
    reached,
    reachedShare: share(reached, list.length),
    stoppedShare: share(list.length - reached, list.length),
    outcomes,
    created: pitches.length,
    createdReachedShare: share(pitches.filter((m) => m.place === 'inbox').length, pitches.length),
    accepted: accepted(invitations),
    internalInvitations: 0,
    accountsRestricted: new Set(events.filter((e) => e.what.startsWith('restriction') && ids.has(e.member_id)).map((e) => e.member_id)).size,
    accountsFlagged: new Set(events.filter((e) => e.what.startsWith('flag') && ids.has(e.member_id)).map((e) => e.member_id)).size,
    firstStop: platformStop ? event(platformStop.simMs, platformStop.how) : null,
    firstFlag: flag ? event(flag.simMs, flag.e.what) : null,
    firstTemplateMark: null,
    reachedJudgements: [],
    invitations: { attempts: invitations.length, outcomes: tally(invitations), accepted: accepted(invitations) },
    pitches: { sent: pitches.length, outcomes: tallyMessages(pitches) },
  };
}
