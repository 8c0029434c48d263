import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_SETTINGS, MESSAGE_GATES, type MessageSettings, SENDER_KINDS } from '../../common/schemas/messages.ts';
import { arrive, conversationAbilities, conversationVisible, gateMessage, type MemberState, messageRefusal, NEW_ACCOUNT_DAYS, senderKinds, startRefusal } from './messages.ts';

const old = NEW_ACCOUNT_DAYS + 1;
const allAccept: MessageSettings = { connection: 'accept', second: 'accept', third_plus: 'accept', new_account: 'accept', flagged: 'accept' };

describe('sender kinds', () => {
  it('names exactly one degree kind, then new account and flagged on top', () => {
    expect(senderKinds({ connected: true, degree: 1, accountAgeDays: old, flagged: false })).toEqual(['connection']);
    expect(senderKinds({ connected: false, degree: 2, accountAgeDays: old, flagged: false })).toEqual(['second']);
    expect(senderKinds({ connected: false, degree: 3, accountAgeDays: old, flagged: false })).toEqual(['third_plus']);
    expect(senderKinds({ connected: false, degree: null, accountAgeDays: old, flagged: false })).toEqual(['third_plus']);
    expect(senderKinds({ connected: true, degree: 1, accountAgeDays: NEW_ACCOUNT_DAYS - 0.5, flagged: true })).toEqual(['connection', 'new_account', 'flagged']);
    expect(senderKinds({ connected: false, degree: 2, accountAgeDays: NEW_ACCOUNT_DAYS, flagged: false })).toEqual(['second']);
  });
});

describe('the gate', () => {
  it('applies each kind alone as set', () => {
    for (const kind of SENDER_KINDS) {
      for (const gate of MESSAGE_GATES) {
        expect(gateMessage({ ...allAccept, [kind]: gate }, [kind]).gate, `${kind} ${gate}`).toBe(gate);
      }
    }
  });

  it('lets the strictest setting win when several kinds apply, and accumulates warnings', () => {
    expect(gateMessage(DEFAULT_MESSAGE_SETTINGS, ['connection'])).toEqual({ gate: 'accept', warnings: [] });
    expect(gateMessage(DEFAULT_MESSAGE_SETTINGS, ['connection', 'new_account'])).toEqual({ gate: 'filter', warnings: ['new_account'] });
    expect(gateMessage({ ...allAccept, flagged: 'drop' }, ['connection', 'new_account', 'flagged'])).toEqual({ gate: 'drop', warnings: ['new_account', 'flagged'] });
    expect(gateMessage({ ...allAccept, second: 'filter' }, ['second', 'flagged'])).toEqual({ gate: 'filter', warnings: ['flagged'] });
    // A warning is shown whatever its own setting: accept lets it through, warned.
    expect(gateMessage(allAccept, ['third_plus', 'new_account'])).toEqual({ gate: 'accept', warnings: ['new_account'] });
  });
});

describe('where a message lands for one member', () => {
  const base: MemberState = { memberId: 2, folder: 'dropped', archived: false, muted: false, warnings: [], lastMessageId: null, lastReadMessageId: null, clearedBeforeMessageId: null };
  const recipient = (gate: 'accept' | 'filter' | 'drop', warnings: ('new_account' | 'flagged')[] = []) => ({ as: 'recipient' as const, gated: { gate, warnings } });

  it('delivers a first message where the settings say', () => {
    expect(arrive(base, recipient('accept'), 1, 0)).toMatchObject({ folder: 'inbox', lastMessageId: 1, clearedBeforeMessageId: null });
    expect(arrive(base, recipient('filter', ['flagged']), 1, 0)).toMatchObject({ folder: 'requests', lastMessageId: 1, warnings: ['flagged'] });
    expect(arrive(base, recipient('drop'), 1, 0)).toEqual(base);
  });

  it('sends replies in an accepted conversation straight through, and back out of the archive unless muted', () => {
    const inbox = { ...base, folder: 'inbox' as const, lastMessageId: 4, archived: true };
    expect(arrive(inbox, recipient('drop'), 5, 4)).toMatchObject({ folder: 'inbox', lastMessageId: 5, archived: false });
    expect(arrive({ ...inbox, muted: true }, recipient('drop'), 5, 4)).toMatchObject({ folder: 'inbox', archived: true });
  });

  it('hides what was dropped when a later message is delivered, and a request the settings now drop', () => {
    const dropped = { ...base, lastMessageId: null };
    expect(arrive(dropped, recipient('filter'), 9, 8)).toMatchObject({ folder: 'requests', clearedBeforeMessageId: 8, lastMessageId: 9 });
    const request = { ...base, folder: 'requests' as const, lastMessageId: 3, warnings: ['new_account' as const] };
    expect(arrive(request, recipient('filter', ['flagged']), 4, 3)).toMatchObject({ folder: 'requests', warnings: ['new_account', 'flagged'], clearedBeforeMessageId: null });
    expect(arrive(request, recipient('drop'), 4, 3)).toMatchObject({ folder: 'dropped', lastMessageId: 3 });
  });

  it('puts the sender in their inbox, read to their message: replying accepts', () => {
    const request = { ...base, folder: 'requests' as const, lastMessageId: 3, archived: true };
    expect(arrive(request, { as: 'sender' }, 4, 3)).toMatchObject({ folder: 'inbox', archived: false, lastMessageId: 4, lastReadMessageId: 4 });
    expect(arrive(base, { as: 'sender' }, 4, 3)).toMatchObject({ folder: 'inbox', clearedBeforeMessageId: 3 });
  });

  it('changes nothing across a block', () => {
    const inbox = { ...base, folder: 'inbox' as const, lastMessageId: 4 };
    expect(arrive(inbox, { as: 'blocked' }, 5, 4)).toBe(inbox);
  });
});

describe('refusals and visibility', () => {
  it('answers a missing, suspended or blocking recipient alike, and names the handle', () => {
    const answers = [undefined, { id: 5, status: 'suspended' as const, block: null }, { id: 5, status: 'active' as const, block: 'they_blocked' as const }].map(
      (r) => messageRefusal(1, 'someone', 2, r),
    );
    for (const a of answers) expect(a).toMatchObject({ status: 400, code: 'recipient_unknown', params: { handle: 'someone' }, extra: { errors: [{ path: 'body.to.2' }] } });
    expect(messageRefusal(1, 'me', 0, { id: 1, status: 'active', block: null })).toMatchObject({ code: 'message_self' });
    expect(messageRefusal(1, 'them', 0, { id: 5, status: 'active', block: 'i_blocked' })).toMatchObject({ status: 409, code: 'blocked' });
    expect(messageRefusal(1, 'them', 0, { id: 5, status: 'active', block: null })).toBeNull();
  });

  it('keeps a held or restricted sender to their connections', () => {
    expect(startRefusal([{ kind: 'held', reason: '' }], false)).toBeNull();
    expect(startRefusal([{ kind: 'held', reason: '' }], true)).toMatchObject({ code: 'messaging_restricted', key: 'messaging_restricted.held' });
    expect(startRefusal([{ kind: 'invitations', reason: 'spam' }], true)).toMatchObject({ code: 'messaging_restricted', params: { reason: 'spam' } });
    expect(startRefusal([{ kind: 'limited', reason: '' }], true)).toBeNull();
  });

  it('shows a conversation unless never delivered, or a one-to-one across a block', () => {
    expect(conversationVisible({ folder: 'dropped', kind: 'group', peerVisible: null })).toBe(false);
    expect(conversationVisible({ folder: 'requests', kind: 'group', peerVisible: null })).toBe(true);
    expect(conversationVisible({ folder: 'inbox', kind: 'direct', peerVisible: false })).toBe(false);
    expect(conversationVisible({ folder: 'inbox', kind: 'direct', peerVisible: true })).toBe(true);
    expect(conversationAbilities(true, { folder: 'requests', kind: 'direct', peerVisible: true })).toEqual({ canReply: true, canAccept: true });
    expect(conversationAbilities(false, { folder: 'requests', kind: 'direct', peerVisible: true })).toEqual({ canReply: false, canAccept: false });
  });
});
