/**
 * Which events notify whom, and how they group: one pure function, used both to write the rows in the
 * event's transaction (record.ts) and to tell the member's open pages (live/routing.ts), so the two agree.
 *
 * Silent events stay silent: an invitation that will never be delivered, held, or sent to "Other" tells
 * its recipient nothing here (they find "Other" on My Network), and ignoring or "I don't know this person"
 * tells the sender nothing.
 */
import type { NotificationSubject } from '../../common/schemas/notifications.ts';
import type { StoredEvent } from '../events/types.ts';
import type { NewNotification } from './new-notification.ts';
import { INTRODUCTION_KINDS, introductionNotifications } from './introductions.ts';

export type { NewNotification };

/** The event kinds that can notify someone. */
export const NOTIFYING_KINDS = [
  'invitation.sent',
  'invitation.answered',
  'post.created',
  'comment.added',
  'reaction.set',
  'relationship.reminded',
  'export.ready',
  ...INTRODUCTION_KINDS,
  'endorsement.added',
  'recommendation.requested',
  'recommendation.written',
  'recommendation.approved',
  'community.introductions_suggested',
] as const;
type NotifyingKind = (typeof NOTIFYING_KINDS)[number];

export function notificationsFor(event: StoredEvent): NewNotification[] {
  if (!(NOTIFYING_KINDS as readonly string[]).includes(event.kind)) return [];
  const e = event as StoredEvent<NotifyingKind>;
  switch (e.kind) {
    case 'introduction.requested':
    case 'introduction.forwarded':
    case 'introduction.declined':
    case 'introduction.accepted':
    case 'introduction.expired':
    case 'introduction.reminded':
      return introductionNotifications(e);
    case 'invitation.sent': {
      const { invitationId, folder, delivered } = e.data;
      if (!delivered) return [];
      if (folder === 'inbox') {
        return [{ memberId: e.subjectId, kind: 'invitation_received', actorId: e.actorId, groupKey: `invitation:${invitationId}`, data: { invitationId } }];
      }
      if (folder === 'auto') {
        return [
          { memberId: e.subjectId, kind: 'connected_automatically', actorId: e.actorId, groupKey: `invitation:${invitationId}`, data: { invitationId } },
          { memberId: e.actorId, kind: 'invitation_accepted', actorId: e.subjectId, groupKey: `invitation:${invitationId}`, data: { invitationId } },
        ];
      }
      return [];
    }
    case 'post.created': {
      const { postId, repostOf, mentioned } = e.data;
      const told: NewNotification[] = mentionsOf(e.actorId, mentioned, `mention:post:${postId}`, { postId });
      // subject is the original's author on a repost.
      if (repostOf !== null && e.subjectId !== null && e.subjectId !== e.actorId) {
        told.push({ memberId: e.subjectId, kind: 'repost', actorId: e.actorId, groupKey: `repost:post:${repostOf}`, data: { postId: repostOf } });
      }
      return told;
    }
    case 'comment.added': {
      const { postId, commentId, parentId, parentAuthorId, mentioned } = e.data;
      const data = { postId, commentId };
      const told: NewNotification[] = [];
      if (e.subjectId !== e.actorId) told.push({ memberId: e.subjectId, kind: 'comment', actorId: e.actorId, groupKey: `comment:post:${postId}`, data });
      if (parentId !== null && parentAuthorId !== null && parentAuthorId !== e.actorId && parentAuthorId !== e.subjectId) {
        told.push({ memberId: parentAuthorId, kind: 'reply', actorId: e.actorId, groupKey: `reply:comment:${parentId}`, data });
      }
      // Someone already told of this comment is not told again that it mentions them.
      const already = new Set(told.map((n) => n.memberId));
      return [...told, ...mentionsOf(e.actorId, mentioned, `mention:comment:${commentId}`, data).filter((n) => !already.has(n.memberId))];
    }
    case 'reaction.set': {
      // A first reaction only: changing its kind is not news.
      if (e.data.previous !== null || e.subjectId === e.actorId) return [];
      const { item, itemId, postId } = e.data;
      return [
        {
          memberId: e.subjectId,
          kind: 'reaction',
          actorId: e.actorId,
          groupKey: `reaction:${item}:${itemId}`,
          data: item === 'comment' ? { postId, commentId: itemId } : { postId },
        },
      ];
    }
    case 'relationship.reminded':
      // One a week at most: the job reminds of each due date once (jobs/keep-in-touch.ts).
      return [{ memberId: e.subjectId, kind: 'keep_in_touch', actorId: null, groupKey: `keep_in_touch:${e.data.week}`, data: { count: e.data.count } }];
    case 'export.ready':
      return [{ memberId: e.subjectId, kind: 'export_ready', actorId: null, groupKey: `export:${e.data.exportId}`, data: { exportId: e.data.exportId } }];
    // Endorsements group per endorsed member; a recommendation's steps tell the one who must act next.
    // Taking an endorsement back, and declining or hiding a recommendation, tell nobody.
    case 'endorsement.added':
      return [{ memberId: e.subjectId, kind: 'endorsement', actorId: e.actorId, groupKey: `endorsement:${e.subjectId}`, data: {} }];
    case 'recommendation.requested':
      return [{ memberId: e.subjectId, kind: 'recommendation_requested', actorId: e.actorId, groupKey: `recommendation-request:${e.data.requestId}`, data: {} }];
    case 'recommendation.written':
      return [{ memberId: e.subjectId, kind: 'recommendation_written', actorId: e.actorId, groupKey: `recommendation:${e.data.recommendationId}`, data: {} }];
    case 'recommendation.approved':
      return [{ memberId: e.subjectId, kind: 'recommendation_approved', actorId: e.actorId, groupKey: `recommendation:${e.data.recommendationId}:approved`, data: {} }];
    case 'community.introductions_suggested':
      // In the community team's name: the operator who clicked is not the point. Each suggestion is its own item.
      return [
        { memberId: e.subjectId, kind: 'introductions_suggested', actorId: null, groupKey: `introductions-suggested:${e.id}`, data: { people: e.data.people } },
      ];
    case 'invitation.answered':
      // The one who answered is the actor; only an acceptance is news to the other.
      if (e.data.answer !== 'accepted') return [];
      return [
        {
          memberId: e.subjectId,
          kind: 'invitation_accepted',
          actorId: e.actorId,
          groupKey: `invitation:${e.data.invitationId}`,
          data: { invitationId: e.data.invitationId },
        },
      ];
  }
}

/** One mention notification for each member a text mentions, except its author. */
function mentionsOf(actorId: number, mentioned: readonly number[], groupKey: string, data: NotificationSubject): NewNotification[] {
  return mentioned.filter((id) => id !== actorId).map((memberId) => ({ memberId, kind: 'mention' as const, actorId, groupKey, data }));
}
