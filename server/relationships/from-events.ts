/**
 * Which events are interactions between two members, and of what kind: one pure function of an event, like
 * notifications/from-events.ts, so the interactions ledger is written in the event's own transaction
 * (record.ts) and exists exactly when its change committed. Each row is one member's side: what they did to
 * (or received from) the other. Nothing else writes the ledger, except the bulk import's one statement,
 * which mirrors the `connected` rows of connection.made (commands/network/bulk-connect.ts).
 */
import { answeredBy } from '../../common/posts.ts';
import type { InteractionKind } from '../../common/relationships.ts';
import type { StoredEvent } from '../events/types.ts';

export interface NewInteraction {
  memberId: number;
  otherId: number;
  kind: InteractionKind;
  /** What it points at (an invitation, a message, a comment, a reacted item, a note); null when nothing. */
  refId: number | null;
  at: Date;
}

/** The event kinds that are interactions. */
export const INTERACTING_KINDS = [
  'invitation.sent',
  'connection.made',
  'message.sent',
  'comment.added',
  'reaction.set',
  'interaction.logged',
  'ledger.logged',
  // Gives and asks (common/ledger.ts): the reciprocity ledger is these rows.
  'introduction.requested',
  'introduction.accepted',
  'endorsement.added',
  'recommendation.requested',
  'recommendation.approved',
] as const;
type InteractingKind = (typeof INTERACTING_KINDS)[number];

export function interactionsFor(event: StoredEvent): NewInteraction[] {
  if (!(INTERACTING_KINDS as readonly string[]).includes(event.kind)) return [];
  const e = event as StoredEvent<InteractingKind>;
  const at = e.createdAt;
  switch (e.kind) {
    case 'invitation.sent': {
      const { invitationId, delivered } = e.data;
      // The sender's side whatever became of it (so it never tells them); the recipient's only if it reached them.
      const sent: NewInteraction = { memberId: e.actorId, otherId: e.subjectId, kind: 'invitation_sent', refId: invitationId, at };
      return delivered ? [sent, { memberId: e.subjectId, otherId: e.actorId, kind: 'invitation_received', refId: invitationId, at }] : [sent];
    }
    case 'connection.made': {
      // An imported connection keeps its own date.
      const when = e.data.at ? new Date(e.data.at) : at;
      const refId = e.data.invitationId ?? null;
      return [
        { memberId: e.actorId, otherId: e.subjectId, kind: 'connected', refId, at: when },
        { memberId: e.subjectId, otherId: e.actorId, kind: 'connected', refId, at: when },
      ];
    }
    case 'message.sent': {
      const { messageId, delivered, others } = e.data;
      // The sender's side with every other member, delivered or not (events/types.ts); older events without
      // `others` fall back to those it reached.
      const to = others ?? delivered.map((d) => d.memberId);
      return [
        ...to.map((otherId) => ({ memberId: e.actorId, otherId, kind: 'message_sent' as const, refId: messageId, at })),
        ...delivered.map((d) => ({ memberId: d.memberId, otherId: e.actorId, kind: 'message_received' as const, refId: messageId, at })),
      ];
    }
    case 'comment.added': {
      const { commentId, parentAuthorId } = e.data;
      const answered = answeredBy(e.actorId, e.subjectId, parentAuthorId);
      if (answered === null) return [];
      return [
        { memberId: e.actorId, otherId: answered, kind: 'comment_sent', refId: commentId, at },
        { memberId: answered, otherId: e.actorId, kind: 'comment_received', refId: commentId, at },
      ];
    }
    case 'reaction.set': {
      // A first reaction only: changing its kind is not another interaction.
      if (e.data.previous !== null || e.subjectId === e.actorId) return [];
      const refId = e.data.itemId;
      return [
        { memberId: e.actorId, otherId: e.subjectId, kind: 'reaction_given', refId, at },
        { memberId: e.subjectId, otherId: e.actorId, kind: 'reaction_received', refId, at },
      ];
    }
    case 'interaction.logged':
      // The actor's side alone: a logged meeting is their private memory.
      return [{ memberId: e.actorId, otherId: e.subjectId, kind: e.data.kind, refId: e.data.noteId, at: new Date(e.data.at) }];
    case 'ledger.logged':
      // The same: a give or an ask logged by hand is the logger's own account of it.
      return [{ memberId: e.actorId, otherId: e.subjectId, kind: `${e.data.subject}_${e.data.side}`, refId: e.data.noteId, at: new Date(e.data.at) }];
    case 'introduction.requested': {
      // Asked of the first introducer only: the rest of the path hears of it only when it reaches them.
      const first = e.data.path[0];
      if (first === undefined) return [];
      const refId = e.data.introductionId;
      return [
        { memberId: e.actorId, otherId: first, kind: 'introduction_asked', refId, at },
        { memberId: first, otherId: e.actorId, kind: 'introduction_asked_by', refId, at },
      ];
    }
    case 'introduction.accepted': {
      // Each introducer gave an introduction to both ends, who each received one from every introducer.
      const refId = e.data.introductionId;
      return e.data.path.flatMap((introducer) =>
        [e.subjectId, e.actorId].flatMap((end) => [
          { memberId: introducer, otherId: end, kind: 'introduction_given' as const, refId, at },
          { memberId: end, otherId: introducer, kind: 'introduction_received' as const, refId, at },
        ]),
      );
    }
    case 'endorsement.added':
      // The skill is the ref, so endorsing one skill again counts once in the ledger.
      return [
        { memberId: e.actorId, otherId: e.subjectId, kind: 'endorsement_given', refId: e.data.skillId, at },
        { memberId: e.subjectId, otherId: e.actorId, kind: 'endorsement_received', refId: e.data.skillId, at },
      ];
    case 'recommendation.requested':
      return [
        { memberId: e.actorId, otherId: e.subjectId, kind: 'recommendation_asked', refId: e.data.requestId, at },
        { memberId: e.subjectId, otherId: e.actorId, kind: 'recommendation_asked_by', refId: e.data.requestId, at },
      ];
    case 'recommendation.approved':
      // Given once it shows: the recipient (actor) approved what its author (subject) wrote.
      return [
        { memberId: e.subjectId, otherId: e.actorId, kind: 'recommendation_given', refId: e.data.recommendationId, at },
        { memberId: e.actorId, otherId: e.subjectId, kind: 'recommendation_received', refId: e.data.recommendationId, at },
      ];
  }
}
