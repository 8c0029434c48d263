import { sql } from 'drizzle-orm';
import { type StoredReason, storedReason } from '../../common/reasons.ts';
import type { InvitationContext } from '../../server/db/schema.ts';
import { type Database, rows } from '../../server/db/connection.ts';
import type { Random } from '../../scripts/demo/generate.ts';
import type { ActorKind, Api, SimMember } from './actors.ts';
import { type SimClock, wallNow } from './clock.ts';
import type { Community } from './community.ts';
import { judge, type ReceivedItem, type Traits } from './honest-behaviour.ts';
import { WELCOME_SHARE, welcomeMessage } from './messages.ts';

/**
 * The driver: sends invitations and answers them through the API, and writes down every attempt with
 * what became of it (the HTTP outcome, and for a created invitation the folder screening put it in,
 * read from the database right after the send). Metrics are computed from this log and the database.
 */

export type Folder = 'inbox' | 'other' | 'held' | 'auto';

export interface Attempt {
  seq: number;
  week: number;
  day: number;
  wallMs: number;
  /** Simulated time (see SimClock). */
  simMs: number;
  senderKind: ActorKind;
  senderId: number;
  recipientId: number;
  recipientHonest: boolean;
  /** An adversary inviting a fellow fake account (to manufacture mutual connections). */
  internal: boolean;
  /** 0 when the sender never got an account (sign-up refused). */
  status: number;
  code: string | null;
  invitationId: number | null;
  folder: Folder | null;
  placement: string | null;
  risk: number | null;
  template: boolean | null;
  withNote: boolean;
  /** The note, kept only when the platform refused or held the invitation (to see what it objected to). */
  note?: string;
}

/** Where a message landed for its recipient, or null when the API refused it. */
export type MessagePlace = 'inbox' | 'requests' | 'dropped';

/** One message sent through the API (a pitch, or an honest note to a new connection), with where it landed. */
export interface MessageAttempt {
  seq: number;
  week: number;
  day: number;
  wallMs: number;
  simMs: number;
  senderKind: ActorKind;
  senderId: number;
  recipientId: number;
  recipientHonest: boolean;
  status: number;
  code: string | null;
  conversationId: number | null;
  /** Read from the recipient's conversation_members row right after the send (the sender is never told). */
  place: MessagePlace | null;
}

export interface AnswerRecord {
  week: number;
  recipientId: number;
  senderId: number;
  invitationId: number;
  folder: string;
  answer: 'accept' | 'ignore' | 'dont-know';
  usedEvidence: boolean;
  reported: boolean;
}

export interface SignupRecord {
  kind: ActorKind;
  email: string;
  ip: string;
  status: number;
  code: string | null;
  memberId: number | null;
  week: number;
}

/** One actor's steps in order; the driver interleaves everyone's steps through the week. */
export type Step = () => Promise<void>;

export const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export class Driver {
  readonly attempts: Attempt[] = [];
  readonly messages: MessageAttempt[] = [];
  readonly answers: AnswerRecord[] = [];
  readonly signups: SignupRecord[] = [];
  readonly invitedPairs = new Set<string>();
  /** Members who signed up during the run, by id (the community holds the loaded ones). */
  readonly joined = new Map<number, SimMember>();
  readonly traits = new Map<number, Traits>();
  /** When each kind of adversary first acted (its sign-up), on the wall clock and in simulated time. */
  readonly firstAction = new Map<string, { wallMs: number; simMs: number }>();

  constructor(
    readonly api: Api,
    readonly database: Database,
    readonly clock: SimClock,
    readonly community: Community,
    /** The honest members' choices and answers. */
    readonly rng: Random,
    /** The order in which everyone's steps run (its own stream: outcomes never change it). */
    private readonly orderRng: Random,
    /** Honest members' messages to new connections (their own stream, so they shift no other choice). */
    private readonly messageRng: Random = orderRng,
  ) {}

  member(id: number): SimMember | undefined {
    return this.community.byId.get(id) ?? this.joined.get(id);
  }

  taken = (a: number, b: number) => this.invitedPairs.has(pairKey(a, b));

  /** POST /invitations, logged with its outcome. */
  async invite(from: SimMember, to: SimMember, note: string, context: InvitationContext = 'profile', internal = false): Promise<Attempt> {
    this.invitedPairs.add(pairKey(from.id, to.id));
    const attempt: Attempt = {
      seq: this.attempts.length,
      week: this.clock.week,
      day: this.clock.day,
      wallMs: wallNow(),
      simMs: this.clock.simNow(),
      senderKind: from.kind,
      senderId: from.id,
      recipientId: to.id,
      recipientHonest: to.honest,
      internal,
      status: 0,
      code: 'not_registered',
      invitationId: null,
      folder: null,
      placement: null,
      risk: null,
      template: null,
      withNote: note.length > 0,
    };
    this.attempts.push(attempt);
    if (!from.auth || from.id === 0) return attempt;
    const res = await this.api.call(from, 'POST', '/api/v1/invitations', { to: to.handle, note, context });
    attempt.status = res.status;
    attempt.code = res.code;
    if (res.status === 200 || res.status === 201) {
      const body = res.body as { invitation: { id: number } };
      attempt.invitationId = body.invitation.id;
      const [row] = await rows<{ folder: Folder; placement: StoredReason | null; risk_score: number; template: boolean }>(
        this.database.db,
        sql`SELECT folder, placement, risk_score, template FROM invitations WHERE id = ${body.invitation.id}`,
      );
      if (row) {
        attempt.folder = row.folder;
        // Placements are stored as codes (migration 0018): their English words, which say "by the platform".
        attempt.placement = row.placement ? storedReason(row.placement.code, row.placement.params).text : null;
        attempt.risk = row.risk_score;
        attempt.template = row.template;
      }
    }
    if ((res.status === 403 && res.code !== 'invitation_not_allowed') || attempt.folder === 'held') attempt.note = note;
    return attempt;
  }

  /** POST /conversations (a one-to-one, or the one the two already have), logged with where it landed. */
  async message(from: SimMember, to: SimMember, text: string): Promise<MessageAttempt> {
    const attempt: MessageAttempt = {
      seq: this.messages.length,
      week: this.clock.week,
      day: this.clock.day,
      wallMs: wallNow(),
      simMs: this.clock.simNow(),
      senderKind: from.kind,
      senderId: from.id,
      recipientId: to.id,
      recipientHonest: to.honest,
      status: 0,
      code: 'not_registered',
      conversationId: null,
      place: null,
    };
    this.messages.push(attempt);
    if (!from.auth || from.id === 0) return attempt;
    const res = await this.api.call(from, 'POST', '/api/v1/conversations', { to: [to.handle], text });
    attempt.status = res.status;
    attempt.code = res.code;
    if (res.status === 201) {
      const { id } = res.body as { id: number };
      attempt.conversationId = id;
      const [row] = await rows<{ folder: MessagePlace }>(
        this.database.db,
        sql`SELECT folder FROM conversation_members WHERE conversation_id = ${id} AND member_id = ${to.id}`,
      );
      attempt.place = row?.folder ?? null;
    }
    return attempt;
  }

  /**
   * One inbox round: every honest member with something waiting opens it with their usual probability,
   * reads each card and answers (sometimes also reporting spam). "Other" is opened less often.
   */
  async inboxRound(roundsPerWeek: number): Promise<number> {
    const waiting = await rows<{ recipient_id: number; folder: 'inbox' | 'other' }>(
      this.database.db,
      sql`SELECT DISTINCT recipient_id, folder FROM invitations WHERE status = 'pending' AND folder IN ('inbox', 'other') AND expires_at > now()
           ORDER BY recipient_id, folder`,
    );
    let answered = 0;
    for (const w of waiting) {
      const member = this.member(w.recipient_id);
      const traits = this.traits.get(w.recipient_id);
      if (!member || !member.honest || !traits) continue;
      const p = 1 - (1 - traits.checksInbox * (w.folder === 'other' ? 0.4 : 1)) ** (1 / roundsPerWeek);
      if (!this.rng.chance(p)) continue;
      answered += await this.readFolder(member, traits, w.folder);
    }
    return answered;
  }

  private async readFolder(member: SimMember, traits: Traits, folder: 'inbox' | 'other'): Promise<number> {
    const res = await this.api.call(member, 'GET', `/api/v1/invitations?box=received&folder=${folder}&limit=50`);
    if (res.status !== 200) return 0;
    const items = (res.body as { items: ReceivedItem[] }).items;
    let n = 0;
    for (const item of items) {
      const verdict = judge(this.rng, traits, item);
      const answer = await this.api.call(member, 'POST', `/api/v1/invitations/${item.id}/${verdict.answer}`);
      if (answer.status !== 200) continue;
      n++;
      let reported = false;
      if (verdict.report) {
        const r = await this.api.call(member, 'POST', '/api/v1/reports', { member: item.from.handle, invitationId: item.id, reason: 'spam', details: '' });
        reported = r.status === 201;
      }
      if (verdict.answer === 'accept') await this.welcome(member, item.from.id);
      this.answers.push({
        week: this.clock.week,
        recipientId: member.id,
        senderId: item.from.id,
        invitationId: item.id,
        folder,
        answer: verdict.answer,
        usedEvidence: verdict.usedEvidence,
        reported,
      });
    }
    return n;
  }

  /**
   * After an honest member accepts, their new connection sometimes writes to them at once: a thank-you
   * (alike by nature) or a few words of their own. The false positives connect-then-pitch detection must
   * not make: many members write to their new connections, nobody sells.
   */
  private async welcome(accepter: SimMember, senderId: number): Promise<void> {
    const sender = this.member(senderId);
    if (!sender?.honest || !this.messageRng.chance(WELCOME_SHARE)) return;
    await this.message(sender, accepter, welcomeMessage(this.messageRng, sender, accepter));
  }

  /**
   * Signs up through the API (from the member's own address) and fills the profile; a refused sign-up
   * leaves the member without an account. Honest newcomers also set their screening policy.
   */
  async register(m: SimMember, email: string, password: string, profile: Record<string, unknown>): Promise<boolean> {
    if (!m.honest && !this.firstAction.has(m.kind)) this.firstAction.set(m.kind, { wallMs: wallNow(), simMs: this.clock.simNow() });
    const res = await this.api.signup(m, email, password);
    this.signups.push({ kind: m.kind, email, ip: m.ip, status: res.status, code: res.code, memberId: m.id || null, week: this.clock.week });
    if (res.status !== 201) return false;
    this.joined.set(m.id, m);
    await this.api.call(m, 'PATCH', '/api/v1/me/profile', profile);
    return true;
  }

  /** Reloads everyone's connections from the database, so choices follow the network as it grows. */
  async refreshAdjacency(): Promise<void> {
    const found = await rows<{ member_id: number; other_id: number }>(this.database.db, sql`SELECT member_id, other_id FROM connections ORDER BY member_id, other_id`);
    const adjacency = new Map<number, Set<number>>();
    for (const r of found) {
      let set = adjacency.get(r.member_id);
      if (!set) adjacency.set(r.member_id, (set = new Set()));
      set.add(r.other_id);
    }
    this.community.adjacency = adjacency;
  }

  /**
   * Runs everyone's steps interleaved at random (each actor's own steps stay in order), calling between()
   * when a share of the week's steps is done: the inbox rounds.
   */
  async interleave(scripts: Step[][], rounds: number, between: (round: number) => Promise<void>): Promise<number> {
    const queues = scripts.filter((s) => s.length > 0).map((steps) => ({ steps, next: 0 }));
    const total = queues.reduce((s, q) => s + q.steps.length, 0);
    let done = 0;
    let round = 0;
    while (queues.length > 0) {
      const q = this.orderRng.weighted(queues, (x) => x.steps.length - x.next);
      await q.steps[q.next++]!();
      done++;
      if (q.next >= q.steps.length) queues.splice(queues.indexOf(q), 1);
      while (round < rounds - 1 && done >= ((round + 1) * total) / rounds) await between(round++);
    }
    while (round < rounds) await between(round++);
    return total;
  }
}
