/**
 * Who an introduction's events tell (from-events.ts): only people who may already see it. The target and a
 * later introducer hear nothing before the previous person forwards; "I don't know this person" is never
 * named to anyone.
 */
import type { StoredEvent } from '../events/types.ts';
import type { NewNotification } from './new-notification.ts';

export const INTRODUCTION_KINDS = [
  'introduction.requested',
  'introduction.forwarded',
  'introduction.declined',
  'introduction.accepted',
  'introduction.expired',
  'introduction.reminded',
] as const;
type IntroductionKind = (typeof INTRODUCTION_KINDS)[number];

export function introductionNotifications(e: StoredEvent<IntroductionKind>): NewNotification[] {
  const introductionId = e.data.introductionId;
  const data = { introductionId };
  const groupKey = `introduction:${introductionId}`;
  switch (e.kind) {
    case 'introduction.requested': {
      const first = e.data.path[0];
      return first === undefined ? [] : [{ memberId: first, kind: 'introduction_requested', actorId: e.actorId, groupKey, data }];
    }
    case 'introduction.forwarded': {
      const { requesterId, nextId, nextIsTarget } = e.data;
      return [
        { memberId: requesterId, kind: 'introduction_forwarded', actorId: e.actorId, groupKey: `${groupKey}:forwarded`, data },
        { memberId: nextId, kind: nextIsTarget ? 'introduction_received' : 'introduction_requested', actorId: requesterId, groupKey, data },
      ];
    }
    case 'introduction.declined':
      return [e.subjectId, ...e.data.forwardedBy].map((memberId) => ({ memberId, kind: 'introduction_declined' as const, actorId: e.actorId, groupKey, data }));
    case 'introduction.accepted':
      return [
        ...[e.subjectId, ...e.data.path].map((memberId) => ({ memberId, kind: 'introduction_accepted' as const, actorId: e.actorId, groupKey, data })),
        // The requester is prompted to thank each introducer.
        ...e.data.path.map((introducer) => ({ memberId: e.subjectId, kind: 'introduction_thank' as const, actorId: introducer, groupKey: `${groupKey}:thank`, data })),
      ];
    case 'introduction.expired':
      return [{ memberId: e.subjectId, kind: 'introduction_expired', actorId: e.data.targetId, groupKey, data }];
    case 'introduction.reminded':
      return [{ memberId: e.subjectId, kind: 'introduction_reminder', actorId: e.data.requesterId, groupKey: `${groupKey}:reminder`, data }];
  }
}
