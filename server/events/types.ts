/**
 * The catalogue of events: every committed change that others (the graph index, and later notifications,
 * live updates, caches, analytics) must learn about, with who did it, whom it is about, and its data.
 *
 * To add a kind: add an entry to EventShapes (its actor, subject and data), record it with recordEvent in
 * the transaction that makes the change, and name it in `docs/architecture.md` ("Events"). Data holds ids
 * and codes, never member-facing text, and nothing a processor could not be shown: several kinds are
 * silent to the member they are about (see their comments), and a processor must keep them so.
 */
import type { ContentKind, RestrictionKind } from '../../common/moderation.ts';
import type { PostVisibility, ReactionKind } from '../../common/schemas/posts.ts';
import type { LedgerSide, LoggableLedgerSubject } from '../../common/ledger.ts';
import type { LoggedInteractionKind } from '../../common/relationships.ts';
import type { InvitationContext, InvitationFolder } from '../db/schema.ts';

type Role = 'member' | 'admin';
type Empty = Record<string, never>;

/**
 * Each kind's actor (the member who did it; null when the platform did), subject (the member it is about)
 * and data. For the graph kinds, actor and subject are the two ends of the edge, which is what the graph
 * index replays: the follower and the followee, or the member who connected (or disconnected) and the other.
 * Fields marked optional are absent on events carried over from the graph's old change log.
 */
export interface EventShapes {
  /** Two members are connected (an accepted invitation, an invitation back, an open policy, an import). */
  'connection.made': {
    actorId: number;
    subjectId: number;
    data: {
      /** When the connection was made (ISO 8601): imported connections keep their own date. */
      at: string;
      context?: InvitationContext;
      invitationId?: number | null;
    };
  };
  /** A connection was removed by one of the two (silently), or by a block. */
  'connection.removed': { actorId: number; subjectId: number; data: Empty };
  /** actor follows subject: by choice, or because they connected. */
  'follow.added': { actorId: number; subjectId: number; data: { cause?: 'follow' | 'connection' } };
  /** actor no longer follows subject: by choice, or because their connection ended. */
  'follow.removed': { actorId: number; subjectId: number; data: { cause?: 'unfollow' | 'connection_removed' } };
  /** actor blocked subject. Silent: the blocked member is never told. */
  'block.added': { actorId: number; subjectId: number; data: Empty };
  'block.removed': { actorId: number; subjectId: number; data: Empty };
  /**
   * actor invited subject. `delivered` is false when the recipient will never see it (they answered
   * "I don't know this person" to this sender before); `folder` says where a delivered one arrived
   * ('held': not until an operator releases it; 'auto': accepted on arrival).
   */
  'invitation.sent': {
    actorId: number;
    subjectId: number;
    data: { invitationId: number; context: InvitationContext; folder: InvitationFolder; delivered: boolean };
  };
  /**
   * actor answered (or, as its sender, withdrew) an invitation between them and subject. "I don't know this
   * person" and "ignore" are silent to the sender, and so is undoing "I don't know" (`dont_know_undone`,
   * which puts the invitation back as it was: `restored`).
   */
  'invitation.answered': {
    actorId: number;
    subjectId: number;
    data:
      | { invitationId: number; answer: 'accepted' | 'ignored' | 'dont_know' | 'withdrawn' }
      | { invitationId: number; answer: 'dont_know_undone'; restored: 'pending' | 'ignored' };
  };
  /** A member signed up or was imported. */
  'member.joined': { actorId: number; subjectId: number; data: { role: Role } };
  /** A member changed their profile: which parts (profile fields, 'skills', 'experience', 'education', 'photo'). */
  'profile.changed': { actorId: number; subjectId: number; data: { fields: string[] } };
  /** A restriction now applies to subject: set by an operator (actor) or by screening (actor null). */
  'member.restricted': {
    actorId: number | null;
    subjectId: number;
    data: { kind: RestrictionKind; reason: string; endsAt: string | null };
  };
  /** A restriction stopped applying: lifted by an operator (actor), or it ran out (actor null). */
  'member.unrestricted': { actorId: number | null; subjectId: number; data: { kind: RestrictionKind; cause: 'lifted' | 'ended' } };
  'member.suspended': { actorId: number; subjectId: number; data: { reason: string } };
  'member.reinstated': { actorId: number; subjectId: number; data: { reason: string } };
  'member.role_changed': { actorId: number; subjectId: number; data: { role: Role; previous: Role } };
  /** A member asked to delete their account; it is purged after `purgeAfter` unless they cancel (docs/account-deletion.md). */
  'account.deletion_scheduled': { actorId: number; subjectId: number; data: { purgeAfter: string } };
  'account.deletion_cancelled': { actorId: number; subjectId: number; data: Empty };
  /**
   * A member's account was purged (no actor: the hourly sweep): their data is gone and their row is a
   * tombstone. Their connections and follows were each removed with their own event before this one, so
   * the graph index drops them; caches drop everything they held of the member.
   */
  'member.deleted': { actorId: null; subjectId: number; data: Empty };
  /** actor reported subject (or one post, comment or message of theirs, `content`) to the operators. Silent to the member reported. */
  'report.filed': { actorId: number; subjectId: number; data: { reportId: number; reason: string; content?: { kind: ContentKind; id: number } } };
  /**
   * An operator (actor) removed subject's post, comment or message. A post or comment is gone, with what
   * hung from it (its comments, replies and reactions), as if its author had deleted it; a message stays in
   * its conversation as a tombstone, and `members` are that conversation's members, whose open pages may show it.
   */
  'content.removed': {
    actorId: number;
    subjectId: number;
    data: { kind: ContentKind; id: number; postId: number | null; conversationId: number | null; members: number[] };
  };
  /** An operator merged one organisation into another; members' positions and schools moved with it. */
  'organisation.merged': { actorId: number; subjectId: null; data: { fromId: number; intoId: number; members: number } };
  /**
   * actor posted. A repost names the original and, as subject, its author; `mentioned` are the members the
   * text mentions (resolved and allowed when it was saved). Who may see it follows `visibility`.
   */
  'post.created': {
    actorId: number;
    subjectId: number | null;
    data: { postId: number; visibility: PostVisibility; repostOf: number | null; mentioned: number[] };
  };
  /** actor edited their post; `mentioned` is every member it mentions now. */
  'post.edited': { actorId: number; subjectId: null; data: { postId: number; mentioned: number[] } };
  /** actor deleted their post, with its comments and reactions. */
  'post.deleted': { actorId: number; subjectId: null; data: { postId: number } };
  /** actor commented on subject's post, or replied (`parentId`) to `parentAuthorId`'s comment on it. */
  'comment.added': {
    actorId: number;
    subjectId: number;
    data: { commentId: number; postId: number; parentId: number | null; parentAuthorId: number | null; mentioned: number[] };
  };
  /** actor edited their comment on subject's post; `mentioned` is every member it mentions now. */
  'comment.edited': { actorId: number; subjectId: number; data: { commentId: number; postId: number; mentioned: number[] } };
  /** actor (its author, or the post's author) deleted subject's comment, with its `replies`. */
  'comment.deleted': { actorId: number; subjectId: number; data: { commentId: number; postId: number; replies: number } };
  /** actor reacted to subject's post or comment, or changed their reaction (`previous`). */
  'reaction.set': {
    actorId: number;
    subjectId: number;
    data: { item: 'post' | 'comment'; itemId: number; postId: number; kind: ReactionKind; previous: ReactionKind | null };
  };
  /** actor took back their reaction to subject's post or comment. */
  'reaction.removed': { actorId: number; subjectId: number; data: { item: 'post' | 'comment'; itemId: number; postId: number; kind: ReactionKind } };
  /**
   * actor sent a message in a conversation (and started it, when `started`). `delivered` lists the members it
   * reached and where: their inbox or their Requests, and whether they muted the conversation (live delivery
   * and notifications need both). A member it was not delivered to (their message settings dropped it, or a
   * block stands between them and the sender) is absent. Silent to the sender, as an invitation's folder is:
   * who got it where must never be shown to them, so a processor tells the sender only that it was sent.
   * The subject is null: a message may reach several members.
   */
  'message.sent': {
    actorId: number;
    subjectId: null;
    data: {
      conversationId: number;
      messageId: number;
      started: boolean;
      delivered: { memberId: number; folder: 'inbox' | 'requests'; muted: boolean }[];
      /**
       * Every other member of the conversation, delivered to or not: the sender's side of the interactions
       * ledger (relationship memory) is kept whatever happened to the message, so it never tells them. Optional:
       * absent on events recorded before it was added.
       */
      others?: number[];
    };
  };
  /**
   * actor logged an interaction with subject by hand (a meeting, a call), dated `at` (ISO 8601), with the id of
   * the note that records it, if any. Silent and private: for actor's relationship memory alone.
   */
  'interaction.logged': {
    actorId: number;
    subjectId: number;
    data: { kind: LoggedInteractionKind; at: string; noteId: number | null };
  };
  /**
   * The cadence job reminded subject that `count` of their people are due a word (keep in touch), for the
   * week `week`. Private to subject: who is due is not in the event.
   */
  'relationship.reminded': { actorId: null; subjectId: number; data: { week: string; count: number } };
  /** subject's export of their data is ready to download (commands/exports/build-state.ts). Private to subject. */
  'export.ready': { actorId: null; subjectId: number; data: { exportId: number } };
  /**
   * actor logged by hand a give or an ask between them and subject (common/ledger.ts): help, advice, a
   * referral, an introduction made outside Rapport, on actor's `side` of it, dated `at`, with its note's id.
   * Silent and private, like interaction.logged: for actor's ledger alone.
   */
  'ledger.logged': {
    actorId: number;
    subjectId: number;
    data: { subject: LoggableLedgerSubject; side: LedgerSide; at: string; noteId: number | null };
  };
  /** actor accepted a message request (or replied to it): it moved to their inbox. Silent to the other members. */
  'conversation.accepted': { actorId: number; subjectId: null; data: { conversationId: number } };
  /**
   * actor changed their own view of a conversation: archived, muted, deleted its history for themselves
   * (`cleared`) or read it up to a message. Silent to the other members: Rapport has no read receipts, which
   * would tell a sender that a request was delivered.
   */
  'conversation.updated': {
    actorId: number;
    subjectId: null;
    data:
      | { conversationId: number; change: 'archived' | 'unarchived' | 'muted' | 'unmuted' | 'cleared' }
      | { conversationId: number; change: 'read'; upTo: number };
  };
  /**
   * actor (the requester) asked for an introduction to subject (the target) through `path` (the introducers'
   * ids, in order). Silent to the target and to a later introducer: only `path[0]` is told (their turn).
   */
  'introduction.requested': { actorId: number; subjectId: number; data: { introductionId: number; path: number[] } };
  /**
   * actor (an introducer, at `position` in the path) forwarded the introduction to `nextId`: the next
   * introducer, or the target when `nextIsTarget`. The requester and `nextId` are told.
   */
  'introduction.forwarded': {
    actorId: number;
    subjectId: number;
    data: { introductionId: number; requesterId: number; position: number; nextId: number; nextIsTarget: boolean };
  };
  /**
   * actor (an introducer or the target) declined; subject is the requester, who is told, as are the introducers
   * who had forwarded it (`forwardedBy`). `dontKnow` ("I don't know this person") counts against the requester's
   * reputation and is silent: nobody but the one who declined is shown it.
   */
  'introduction.declined': {
    actorId: number;
    subjectId: number;
    data: { introductionId: number; role: 'introducer' | 'target'; dontKnow: boolean; forwardedBy: number[] };
  };
  /**
   * actor (the target) accepted; subject is the requester. The group conversation `conversationId` opened with
   * the requester, the introducers (`path`) and the target; the requester is prompted to thank the introducers.
   */
  'introduction.accepted': { actorId: number; subjectId: number; data: { introductionId: number; path: number[]; conversationId: number } };
  /** The platform closed an introduction nobody finished in time (30 days); subject is the requester, who is told. */
  'introduction.expired': { actorId: null; subjectId: number; data: { introductionId: number; path: number[]; targetId: number } };
  /** The platform reminded subject (whose turn it is, for a week already) of an introduction waiting for them. */
  'introduction.reminded': { actorId: null; subjectId: number; data: { introductionId: number; requesterId: number } };
  /** actor endorsed subject's skill (a 1st-degree connection; endorsing again records nothing). */
  'endorsement.added': { actorId: number; subjectId: number; data: { skillId: number } };
  /** actor took back their endorsement of subject's skill. */
  'endorsement.removed': { actorId: number; subjectId: number; data: { skillId: number } };
  /** actor asked subject, a connection, for a recommendation for one of actor's positions. */
  'recommendation.requested': { actorId: number; subjectId: number; data: { requestId: number; positionId: number } };
  /** actor wrote a recommendation for subject's position (answering `requestId`, or unasked); it waits for subject's approval. */
  'recommendation.written': { actorId: number; subjectId: number; data: { recommendationId: number; positionId: number; requestId: number | null } };
  /** actor approved the recommendation subject wrote for them: it shows on actor's profile. */
  'recommendation.approved': { actorId: number; subjectId: number; data: { recommendationId: number; positionId: number } };
  /**
   * actor declined, hid or showed again the recommendation subject wrote for them. Silent to its author:
   * a recipient's choice about their own profile is theirs.
   */
  'recommendation.updated': {
    actorId: number;
    subjectId: number;
    data: { recommendationId: number; positionId: number; change: 'declined' | 'hidden' | 'shown' };
  };
  /**
   * actor, an operator, suggested `people` for subject, a newcomer with fewer than 3 connections, to meet
   * (Admin → Community). Tells subject, in the community team's name; the people suggested are not told.
   */
  'community.introductions_suggested': { actorId: number; subjectId: number; data: { people: number[] } };
  /** actor emailed an invitation to join to an address that is not a member's (no subject: the address is not in the event). */
  'email_invitation.sent': { actorId: number; subjectId: null; data: { invitationId: number } };
  /** actor signed up from subject's invitation to join. */
  'email_invitation.joined': { actorId: number; subjectId: number; data: { invitationId: number } };
}

export type EventKind = keyof EventShapes;

/** An event as a command records it, checked per kind. */
export type NewEvent<K extends EventKind = EventKind> = { [P in K]: { kind: P } & EventShapes[P] }[K];

/** An event as it stands in the outbox. */
export type StoredEvent<K extends EventKind = EventKind> = { [P in K]: { id: number; kind: P; createdAt: Date } & EventShapes[P] }[K];

// A record over every kind: a kind added to EventShapes but not here fails to compile.
const KINDS: Record<EventKind, true> = {
  'connection.made': true, 'connection.removed': true, 'follow.added': true, 'follow.removed': true,
  'block.added': true, 'block.removed': true, 'invitation.sent': true, 'invitation.answered': true,
  'member.joined': true, 'profile.changed': true, 'member.restricted': true, 'member.unrestricted': true,
  'member.suspended': true, 'member.reinstated': true, 'member.role_changed': true, 'report.filed': true,
  'account.deletion_scheduled': true, 'account.deletion_cancelled': true, 'member.deleted': true,
  'organisation.merged': true, 'post.created': true, 'post.edited': true, 'post.deleted': true, 'comment.added': true,
  'comment.edited': true, 'comment.deleted': true, 'reaction.set': true, 'reaction.removed': true,
  'message.sent': true, 'conversation.accepted': true, 'conversation.updated': true, 'content.removed': true,
  'introduction.requested': true, 'introduction.forwarded': true, 'introduction.declined': true, 'introduction.accepted': true,
  'introduction.expired': true, 'introduction.reminded': true,
  'interaction.logged': true, 'relationship.reminded': true, 'ledger.logged': true, 'export.ready': true,
  'endorsement.added': true, 'endorsement.removed': true, 'recommendation.requested': true, 'recommendation.written': true,
  'recommendation.approved': true, 'recommendation.updated': true,
  'email_invitation.sent': true, 'email_invitation.joined': true,
  'community.introductions_suggested': true,
};

/** Every kind, for code that must list them (tests, docs). */
export const EVENT_KINDS = Object.keys(KINDS) as EventKind[];
