/**
 * Who may message whom, and where a message lands: pure functions of facts the commands and queries load
 * (docs/messages.md). Commands throw the refusals below and apply the gate; reads present the same rules as
 * abilities, so what the web offers is what the API accepts.
 */
import {
  type MessageGate,
  type MessageSettings,
  REQUEST_WARNINGS,
  type RequestWarning,
  type SenderKind,
} from '../../common/schemas/messages.ts';
import type { RestrictionKind } from '../../common/moderation.ts';
import type { MemberFolder } from '../db/tables/messages.ts';
import { AppError, badRequest, conflict, forbidden } from '../errors.ts';

/** An account younger than this many days is a `new_account` sender. */
export const NEW_ACCOUNT_DAYS = 30;

/** What a recipient's settings judge a sender by, from that recipient's side. */
export interface SenderFacts {
  connected: boolean;
  /** The recipient's degree to the sender (null beyond 3 hops or across a block). */
  degree: number | null;
  accountAgeDays: number;
  /** The sender has an open moderation flag. */
  flagged: boolean;
}

/**
 * The kinds of sender that apply: exactly one of connection / second / third_plus (by degree; a 3rd degree
 * and anyone out of network are both third_plus), then new_account and flagged when they hold.
 */
export function senderKinds(f: SenderFacts): SenderKind[] {
  const kinds: SenderKind[] = [f.connected ? 'connection' : f.degree === 2 ? 'second' : 'third_plus'];
  if (f.accountAgeDays < NEW_ACCOUNT_DAYS) kinds.push('new_account');
  if (f.flagged) kinds.push('flagged');
  return kinds;
}

const STRICTNESS: Record<MessageGate, number> = { accept: 0, filter: 1, drop: 2 };

export interface Gated {
  gate: MessageGate;
  /** Every warning kind that applies, whatever its setting: a request shows all of them. */
  warnings: RequestWarning[];
}

/**
 * Where a message from a sender of these kinds goes, by the recipient's settings: the strictest setting
 * among the kinds that apply wins (drop over filter over accept), and the warnings of every kind that applies
 * accumulate. So with the defaults a connection whose account is a week old lands in Requests, with the
 * new-account warning.
 */
export function gateMessage(settings: MessageSettings, kinds: readonly SenderKind[]): Gated {
  let gate: MessageGate = 'accept';
  for (const kind of kinds) if (STRICTNESS[settings[kind]] > STRICTNESS[gate]) gate = settings[kind];
  const warnings = REQUEST_WARNINGS.filter((w) => kinds.includes(w));
  return { gate, warnings };
}

/** A recipient named in `to`, as the start command finds them (undefined: no member has the handle). */
export interface RecipientFacts {
  id: number;
  status: 'active' | 'suspended' | 'deleted';
  /** Seen from the sender. */
  block: 'i_blocked' | 'they_blocked' | null;
}

/**
 * Why the sender may not message this recipient; null when they may. A member who does not exist, is
 * suspended or blocked the sender all answer the same 400 naming the handle (as invitations answer 404:
 * one who blocked you is answered as if they did not exist); one the sender blocked is 409 `blocked`. What
 * the recipient's message settings would do with it is never a refusal: the sender must not learn it.
 */
export function messageRefusal(senderId: number, handle: string, position: number, r: RecipientFacts | undefined): AppError | null {
  if (r?.id === senderId) return badRequest('message_self');
  if (!r || r.status !== 'active' || r.block === 'they_blocked') {
    return badRequest('recipient_unknown', {
      params: { handle },
      errors: [{ path: `body.to.${position}`, code: 'recipient_unknown', key: 'recipient_unknown', params: { handle } }],
    });
  }
  if (r.block === 'i_blocked') return conflict('blocked');
  return null;
}

/**
 * Why a restricted sender may not start this conversation; null when they may. A held account, and one whose
 * invitations an operator restricted, keep messaging their connections and the conversations they are
 * in, but cannot start one that reaches anyone else: a message is as much an approach as an invitation.
 */
export function startRefusal(restrictions: readonly { kind: RestrictionKind; reason: string }[], reachesNonConnection: boolean): AppError | null {
  if (!reachesNonConnection) return null;
  if (restrictions.some((r) => r.kind === 'held')) return forbidden('messaging_restricted', { key: 'held' });
  const restricted = restrictions.find((r) => r.kind === 'invitations');
  if (restricted) return forbidden('messaging_restricted', { key: 'restricted', params: { reason: restricted.reason } });
  return null;
}

/** One member's place in a conversation, as loaded for them. */
export interface MembershipFacts {
  folder: MemberFolder;
  kind: 'direct' | 'group';
  /**
   * For a one-to-one: whether the other member is someone the viewer may meet (active, no block either
   * way). Null in a group.
   */
  peerVisible: boolean | null;
  /**
   * A one-to-one whose other member deleted their account: it stays readable for the viewer (their own
   * messages, and the other side's as tombstones), but nothing more can be sent in it.
   */
  peerDeleted?: boolean;
}

/**
 * Whether the conversation exists for this member at all. One never delivered to them ('dropped') does not;
 * nor does a one-to-one across a block (either way, so neither learns who blocked whom from it) or with a
 * suspended member. Unblocking or reinstating brings it back as it was. One with a member who deleted their
 * account stays, read-only: the history is the viewer's too (docs/account-deletion.md).
 */
export function conversationVisible(f: MembershipFacts): boolean {
  return f.folder !== 'dropped' && (f.kind === 'group' || f.peerVisible === true || f.peerDeleted === true);
}

/** What the member may do in a conversation they can see: nothing new in one with a deleted member. */
export function conversationAbilities(active: boolean, f: MembershipFacts): { canReply: boolean; canAccept: boolean } {
  const open = active && conversationVisible(f) && f.peerDeleted !== true;
  return { canReply: open, canAccept: open && f.folder === 'requests' };
}

/** One member's own view of a conversation, as stored (conversation_members). */
export interface MemberState {
  memberId: number;
  folder: MemberFolder;
  archived: boolean;
  muted: boolean;
  warnings: RequestWarning[];
  lastMessageId: number | null;
  lastReadMessageId: number | null;
  clearedBeforeMessageId: number | null;
}

/** What a new message is to one member of its conversation. */
export type Arrival =
  /** They sent it. */
  | { as: 'sender' }
  /** A block stands between them and the sender: it is not delivered to them. */
  | { as: 'blocked' }
  /** Another member; `gated` is where their settings put the sender (used unless they already accepted). */
  | { as: 'recipient'; gated: Gated };

/**
 * A member's view after a message arrives (`messageId`; `latestBefore` is the conversation's last message
 * before it, 0 for none):
 * - the sender: in their inbox, read up to their message, not archived. Replying to a request accepts it.
 * - a member who accepted (inbox): delivered straight through, whatever their settings; it comes back from
 *   the archive unless they muted it.
 * - a member who has not (a request, or never delivered): their settings decide again, for this sender —
 *   accept moves it to the inbox, filter to Requests (with the warnings of every message that reached it),
 *   drop takes it out of their folders altogether: a message they chose never to receive is never shown.
 * - across a block: nothing changes.
 * A conversation that was never delivered and now is starts after `latestBefore`: what was dropped stays
 * unseen.
 */
export function arrive(state: MemberState, arrival: Arrival, messageId: number, latestBefore: number): MemberState {
  if (arrival.as === 'blocked') return state;
  const hidden = state.folder === 'dropped';
  // Coming out of 'dropped': nothing before this message was ever delivered to them.
  const cleared = hidden && latestBefore > 0 ? Math.max(state.clearedBeforeMessageId ?? 0, latestBefore) : state.clearedBeforeMessageId;
  if (arrival.as === 'sender') {
    return { ...state, folder: 'inbox', archived: false, lastMessageId: messageId, lastReadMessageId: messageId, clearedBeforeMessageId: cleared };
  }
  if (state.folder === 'inbox') return { ...state, archived: state.archived && state.muted, lastMessageId: messageId };
  const { gate, warnings } = arrival.gated;
  if (gate === 'drop') return { ...state, folder: 'dropped' };
  const kept = hidden ? [] : state.warnings;
  return {
    ...state,
    folder: gate === 'accept' ? 'inbox' : 'requests',
    archived: hidden ? false : state.archived && state.muted,
    warnings: REQUEST_WARNINGS.filter((w) => kept.includes(w) || warnings.includes(w)),
    lastMessageId: messageId,
    clearedBeforeMessageId: cleared,
  };
}
