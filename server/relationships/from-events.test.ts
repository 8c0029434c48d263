import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, type NewEvent, type StoredEvent } from '../events/types.ts';
import { INTERACTING_KINDS, interactionsFor } from './from-events.ts';
import { strengthOf } from './strength.ts';

const at = new Date('2026-12-01T10:00:00Z');
const stored = (e: NewEvent): StoredEvent => ({ ...e, id: 1, createdAt: at }) as StoredEvent;
const sides = (e: NewEvent) => interactionsFor(stored(e)).map((i) => [i.memberId, i.otherId, i.kind, i.refId]);

describe('interactionsFor', () => {
  it('keeps gives and asks for the ledger: an introduction asked of the first introducer, given by each to both ends once accepted', () => {
    expect(sides({ kind: 'introduction.requested', actorId: 1, subjectId: 4, data: { introductionId: 7, path: [2, 3] } })).toEqual([
      [1, 2, 'introduction_asked', 7],
      [2, 1, 'introduction_asked_by', 7],
    ]);
    expect(sides({ kind: 'introduction.accepted', actorId: 4, subjectId: 1, data: { introductionId: 7, path: [2, 3], conversationId: 9 } })).toEqual([
      [2, 1, 'introduction_given', 7],
      [1, 2, 'introduction_received', 7],
      [2, 4, 'introduction_given', 7],
      [4, 2, 'introduction_received', 7],
      [3, 1, 'introduction_given', 7],
      [1, 3, 'introduction_received', 7],
      [3, 4, 'introduction_given', 7],
      [4, 3, 'introduction_received', 7],
    ]);
  });

  it('keeps endorsements by skill, recommendation requests, and recommendations once their recipient approves them', () => {
    expect(sides({ kind: 'endorsement.added', actorId: 1, subjectId: 2, data: { skillId: 5 } })).toEqual([
      [1, 2, 'endorsement_given', 5],
      [2, 1, 'endorsement_received', 5],
    ]);
    expect(sides({ kind: 'recommendation.requested', actorId: 2, subjectId: 1, data: { requestId: 6, positionId: 8 } })).toEqual([
      [2, 1, 'recommendation_asked', 6],
      [1, 2, 'recommendation_asked_by', 6],
    ]);
    // The recipient (actor) approves what the author (subject) wrote: the author gave it.
    expect(sides({ kind: 'recommendation.approved', actorId: 2, subjectId: 1, data: { recommendationId: 11, positionId: 8 } })).toEqual([
      [1, 2, 'recommendation_given', 11],
      [2, 1, 'recommendation_received', 11],
    ]);
    expect(sides({ kind: 'endorsement.removed', actorId: 1, subjectId: 2, data: { skillId: 5 } })).toEqual([]);
    expect(sides({ kind: 'recommendation.written', actorId: 1, subjectId: 2, data: { recommendationId: 11, positionId: 8, requestId: 6 } })).toEqual([]);
  });

  it('keeps a give or an ask logged by hand on the logger’s side only', () => {
    expect(sides({ kind: 'ledger.logged', actorId: 1, subjectId: 2, data: { subject: 'advice', side: 'given', at: '2026-11-01T12:00:00.000Z', noteId: null } })).toEqual([
      [1, 2, 'advice_given', null],
    ]);
  });

  it('keeps the sender’s side of an invitation whatever became of it, and the recipient’s only when delivered', () => {
    const sent = (delivered: boolean): NewEvent => ({ kind: 'invitation.sent', actorId: 1, subjectId: 2, data: { invitationId: 9, context: 'search', folder: 'inbox', delivered } });
    expect(sides(sent(true))).toEqual([[1, 2, 'invitation_sent', 9], [2, 1, 'invitation_received', 9]]);
    expect(sides(sent(false))).toEqual([[1, 2, 'invitation_sent', 9]]);
  });

  it('makes a connection an interaction of both, dated when it was made (an import keeps its date)', () => {
    const rows = interactionsFor(stored({ kind: 'connection.made', actorId: 1, subjectId: 2, data: { at: '2020-05-01T00:00:00Z', context: 'import', invitationId: null } }));
    expect(rows.map((r) => [r.memberId, r.otherId, r.kind, r.at.toISOString()])).toEqual([
      [1, 2, 'connected', '2020-05-01T00:00:00.000Z'],
      [2, 1, 'connected', '2020-05-01T00:00:00.000Z'],
    ]);
  });

  it('keeps a message as sent to every other member, and received only by those it reached', () => {
    const e: NewEvent = {
      kind: 'message.sent',
      actorId: 1,
      subjectId: null,
      data: { conversationId: 5, messageId: 77, started: true, delivered: [{ memberId: 2, folder: 'inbox', muted: false }], others: [2, 3] },
    };
    expect(sides(e)).toEqual([[1, 2, 'message_sent', 77], [1, 3, 'message_sent', 77], [2, 1, 'message_received', 77]]);
  });

  it('pairs a comment with whom it answers (the parent comment’s writer, else the post’s author), never oneself', () => {
    const c = (actorId: number, subjectId: number, parentAuthorId: number | null): NewEvent => ({
      kind: 'comment.added',
      actorId,
      subjectId,
      data: { commentId: 4, postId: 3, parentId: parentAuthorId === null ? null : 8, parentAuthorId, mentioned: [] },
    });
    expect(sides(c(1, 2, null))).toEqual([[1, 2, 'comment_sent', 4], [2, 1, 'comment_received', 4]]);
    expect(sides(c(1, 2, 3))).toEqual([[1, 3, 'comment_sent', 4], [3, 1, 'comment_received', 4]]);
    expect(sides(c(1, 1, null))).toEqual([]);
  });

  it('counts a first reaction to someone else’s item, not a changed one or one’s own', () => {
    const r = (previous: 'like' | null, subjectId = 2): NewEvent => ({ kind: 'reaction.set', actorId: 1, subjectId, data: { item: 'post', itemId: 3, postId: 3, kind: 'celebrate', previous } });
    expect(sides(r(null))).toEqual([[1, 2, 'reaction_given', 3], [2, 1, 'reaction_received', 3]]);
    expect(sides(r('like'))).toEqual([]);
    expect(sides(r(null, 1))).toEqual([]);
  });

  it('keeps a logged meeting as the logger’s side alone, dated as logged', () => {
    const rows = interactionsFor(stored({ kind: 'interaction.logged', actorId: 1, subjectId: 2, data: { kind: 'call', at: '2026-11-20T12:00:00Z', noteId: 6 } }));
    expect(rows.map((r) => [r.memberId, r.otherId, r.kind, r.refId, r.at.toISOString()])).toEqual([[1, 2, 'call', 6, '2026-11-20T12:00:00.000Z']]);
  });

  it('finds no interaction in the other kinds of event', () => {
    for (const kind of EVENT_KINDS.filter((k) => !(INTERACTING_KINDS as readonly string[]).includes(k))) {
      expect(interactionsFor({ kind, actorId: 1, subjectId: 2, data: {}, id: 1, createdAt: at } as unknown as StoredEvent)).toEqual([]);
    }
  });
});

describe('strengthOf', () => {
  it('says none without interactions, and grows with recency and frequency, with its reasons as codes', () => {
    expect(strengthOf({ counts: {}, daysSinceLast: null })).toEqual({ level: 'none', score: 0, reasons: [{ code: 'no_interaction', params: {} }] });
    const close = strengthOf({ counts: { meeting: 3, message_sent: 10, message_received: 12 }, daysSinceLast: 2 });
    const faded = strengthOf({ counts: { connected: 1 }, daysSinceLast: 300 });
    expect(close.level).toBe('strong');
    expect(faded.level).toBe('weak');
    expect(close.score).toBeGreaterThan(faded.score);
    expect(close.reasons).toEqual([
      { code: 'last_interaction_days', params: { days: 2 } },
      { code: 'met_in_person_year', params: { count: 3 } },
      { code: 'messages_year', params: { count: 22 } },
      { code: 'interactions_year', params: { count: 25 } },
    ]);
  });
});
