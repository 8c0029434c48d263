import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { endExpiredRestrictions } from '../commands/moderation/restrictions.ts';
import { rows } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { EVENT_KINDS, type EventKind } from '../events/types.ts';
import { connect, invite } from '../routes/network/network-test-helpers.ts';
import { type Member, STRONG_PASSWORD, signUp } from './client.ts';
import { describeEachEngine } from './engines.ts';
import { communityCases } from './event-cases/community.ts';
import { emailInvitationCases } from './event-cases/email-invitations.ts';
import { deletionCases } from './event-cases/deletion.ts';
import { endorsementCases } from './event-cases/endorsements.ts';
import { exportCases } from './event-cases/exports.ts';
import { introductionCases } from './event-cases/introductions.ts';
import type { Case, CaseKit, Expected } from './event-cases/types.ts';
import { uploadPhoto } from './uploads.ts';

/**
 * Every kind of event is written in the same transaction as the change it tells of: for each command
 * family, the events the command records carry the transaction id (xid) of the rows it wrote, and when
 * that transaction fails at COMMIT (a deferred trigger on the outbox refuses the event) neither the
 * change nor any event is left behind.
 */

describeEachEngine('events are recorded in the transaction of their change', (get) => {
  const db = () => get().database.db;
  let operator: Member | undefined;
  let answer: unknown = null;
  let n = 0;
  const member = async (name: string) => signUp(get().app, `${name} ${++n}`);
  const status = (res: { statusCode: number; json(): unknown }) => {
    answer = res.statusCode < 300 && res.statusCode !== 204 ? res.json() : null;
    return res.statusCode;
  };
  const count = async (query: SQL) => (await rows<{ n: number }>(db(), query))[0]?.n;
  // The first member to sign up becomes the operator.
  beforeAll(async () => {
    operator = await signUp(get().app, 'Operator Events');
  });
  const op = async () => operator!;
  const kit: CaseKit = { get, db, member, status, count };

  const CASES: Case[] = [
    {
      family: 'members: sign-up',
      refuse: 'member.joined',
      setup: async () => {
        const email = `joiner${++n}@example.com`;
        return {
          act: async () =>
            status(await get().app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password: STRONG_PASSWORD, name: `Joiner ${n}` } })),
          state: () => count(sql`SELECT count(*)::int AS n FROM members WHERE email = ${email}`),
          expected: (a) => {
            const id = (a as { id: number }).id;
            return [{ kind: 'member.joined', actorId: id, subjectId: id, data: { role: 'member' } }];
          },
          written: (a) => sql`SELECT xmin::text AS xmin FROM members WHERE id = ${(a as { id: number }).id}`,
        };
      },
    },
    {
      family: 'invitations: send',
      refuse: 'invitation.sent',
      setup: async () => {
        const [a, b] = [await member('Sender'), await member('Recipient')];
        return {
          act: async () => status(await a.call('POST', '/api/v1/invitations', { to: b.handle, note: '' })),
          state: () => count(sql`SELECT count(*)::int AS n FROM invitations WHERE sender_id = ${a.id}`),
          expected: (r) => [
            { kind: 'invitation.sent', actorId: a.id, subjectId: b.id, data: { invitationId: (r as { invitation: { id: number } }).invitation.id, context: 'profile', delivered: true } },
          ],
          written: () => sql`SELECT xmin::text AS xmin FROM invitations WHERE sender_id = ${a.id}`,
        };
      },
    },
    {
      family: 'connections: accept',
      refuse: 'connection.made',
      setup: async () => {
        const [a, b] = [await member('Inviter'), await member('Accepter')];
        const id = await invite(a, b);
        return {
          act: async () => status(await b.call('POST', `/api/v1/invitations/${id}/accept`)),
          state: async () => [await count(sql`SELECT count(*)::int AS n FROM connections WHERE member_id = ${a.id}`), await rows(db(), sql`SELECT status FROM invitations WHERE id = ${id}`)],
          expected: () => [
            { kind: 'invitation.answered', actorId: b.id, subjectId: a.id, data: { invitationId: id, answer: 'accepted' } },
            { kind: 'connection.made', actorId: b.id, subjectId: a.id, data: { context: 'profile', invitationId: id } },
            { kind: 'follow.added', actorId: b.id, subjectId: a.id, data: { cause: 'connection' } },
            { kind: 'follow.added', actorId: a.id, subjectId: b.id, data: { cause: 'connection' } },
          ],
          written: () => sql`SELECT xmin::text AS xmin FROM connections WHERE member_id = ${a.id} AND other_id = ${b.id}`,
        };
      },
    },
    {
      family: 'connections: remove',
      refuse: 'connection.removed',
      setup: async () => {
        const [a, b] = [await member('Remover'), await member('Removed')];
        await connect(a, b);
        return {
          act: async () => status(await a.call('DELETE', `/api/v1/connections/${b.handle}`)),
          state: () => count(sql`SELECT count(*)::int AS n FROM connections WHERE member_id = ${a.id}`),
          expected: () => [
            { kind: 'connection.removed', actorId: a.id, subjectId: b.id, data: {} },
            { kind: 'follow.removed', actorId: a.id, subjectId: b.id, data: { cause: 'connection_removed' } },
            { kind: 'follow.removed', actorId: b.id, subjectId: a.id, data: { cause: 'connection_removed' } },
          ],
        };
      },
    },
    {
      family: 'follows: follow',
      refuse: 'follow.added',
      setup: async () => {
        const [a, b] = [await member('Follower'), await member('Followee')];
        return {
          act: async () => status(await a.call('PUT', `/api/v1/members/${b.handle}/follow`)),
          state: () => count(sql`SELECT count(*)::int AS n FROM follows WHERE follower_id = ${a.id}`),
          expected: () => [{ kind: 'follow.added', actorId: a.id, subjectId: b.id, data: { cause: 'follow' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM follows WHERE follower_id = ${a.id}`,
        };
      },
    },
    {
      family: 'follows: unfollow',
      refuse: 'follow.removed',
      setup: async () => {
        const [a, b] = [await member('Unfollower'), await member('Unfollowed')];
        expect((await a.call('PUT', `/api/v1/members/${b.handle}/follow`)).statusCode).toBe(200);
        return {
          act: async () => status(await a.call('DELETE', `/api/v1/members/${b.handle}/follow`)),
          state: () => count(sql`SELECT count(*)::int AS n FROM follows WHERE follower_id = ${a.id}`),
          expected: () => [{ kind: 'follow.removed', actorId: a.id, subjectId: b.id, data: { cause: 'unfollow' } }],
        };
      },
    },
    {
      family: 'blocks: block',
      refuse: 'block.added',
      setup: async () => {
        const [a, b] = [await member('Blocker'), await member('Blocked')];
        await connect(a, b);
        return {
          act: async () => status(await a.call('PUT', `/api/v1/members/${b.handle}/block`)),
          state: async () => [
            await count(sql`SELECT count(*)::int AS n FROM blocks WHERE blocker_id = ${a.id}`),
            await count(sql`SELECT count(*)::int AS n FROM connections WHERE member_id = ${a.id}`),
          ],
          expected: () => [
            { kind: 'block.added', actorId: a.id, subjectId: b.id, data: {} },
            { kind: 'connection.removed', actorId: a.id, subjectId: b.id, data: {} },
            { kind: 'follow.removed', actorId: a.id, subjectId: b.id, data: { cause: 'connection_removed' } },
            { kind: 'follow.removed', actorId: b.id, subjectId: a.id, data: { cause: 'connection_removed' } },
          ],
          written: () => sql`SELECT xmin::text AS xmin FROM blocks WHERE blocker_id = ${a.id}`,
        };
      },
    },
    {
      family: 'blocks: unblock',
      refuse: 'block.removed',
      setup: async () => {
        const [a, b] = [await member('Unblocker'), await member('Unblocked')];
        expect((await a.call('PUT', `/api/v1/members/${b.handle}/block`)).statusCode).toBeLessThan(300);
        return {
          act: async () => status(await a.call('DELETE', `/api/v1/members/${b.handle}/block`)),
          state: () => count(sql`SELECT count(*)::int AS n FROM blocks WHERE blocker_id = ${a.id}`),
          expected: () => [{ kind: 'block.removed', actorId: a.id, subjectId: b.id, data: {} }],
        };
      },
    },
    ...(['ignore', 'dont-know', 'withdraw'] as const).map(
      (answerName): Case => ({
        family: `invitations: ${answerName}`,
        refuse: 'invitation.answered',
        setup: async () => {
          const [a, b] = [await member('Asker'), await member('Answerer')];
          const id = await invite(a, b);
          const by = answerName === 'withdraw' ? a : b;
          const other = by === a ? b : a;
          const told = { ignore: 'ignored', 'dont-know': 'dont_know', withdraw: 'withdrawn' }[answerName];
          return {
            act: async () => status(await by.call('POST', `/api/v1/invitations/${id}/${answerName}`)),
            state: () => rows(db(), sql`SELECT status, responded_at FROM invitations WHERE id = ${id}`),
            expected: () => [{ kind: 'invitation.answered', actorId: by.id, subjectId: other.id, data: { invitationId: id, answer: told } }],
            written: () => sql`SELECT xmin::text AS xmin FROM invitations WHERE id = ${id}`,
          };
        },
      }),
    ),
    {
      family: 'invitations: undo "I don\'t know"',
      refuse: 'invitation.answered',
      setup: async () => {
        const [a, b] = [await member('Undone Sender'), await member('Undoer')];
        const id = await invite(a, b);
        expect((await b.call('POST', `/api/v1/invitations/${id}/dont-know`)).statusCode).toBeLessThan(300);
        return {
          act: async () => status(await b.call('POST', `/api/v1/invitations/${id}/undo`)),
          state: () => rows(db(), sql`SELECT status FROM invitations WHERE id = ${id}`),
          expected: () => [{ kind: 'invitation.answered', actorId: b.id, subjectId: a.id, data: { invitationId: id, answer: 'dont_know_undone', restored: 'pending' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM invitations WHERE id = ${id}`,
        };
      },
    },
    {
      family: 'profile: edit',
      refuse: 'profile.changed',
      setup: async () => {
        const m = await member('Editor');
        return {
          act: async () => status(await m.call('PATCH', '/api/v1/me/profile', { headline: 'Builds outboxes', skills: ['Postgres'] })),
          state: () => rows(db(), sql`SELECT headline FROM profiles WHERE member_id = ${m.id}`),
          expected: () => [{ kind: 'profile.changed', actorId: m.id, subjectId: m.id, data: { fields: ['headline', 'skills'] } }],
          written: () => sql`SELECT xmin::text AS xmin FROM profiles WHERE member_id = ${m.id}`,
        };
      },
    },
    {
      family: 'profile: photo',
      refuse: 'profile.changed',
      setup: async () => {
        const m = await member('Photographed');
        return {
          act: async () => status(await uploadPhoto(get().app, m)),
          state: () => count(sql`SELECT count(*)::int AS n FROM member_photos WHERE member_id = ${m.id}`),
          expected: () => [{ kind: 'profile.changed', actorId: m.id, subjectId: m.id, data: { fields: ['photo'] } }],
          written: () => sql`SELECT xmin::text AS xmin FROM member_photos WHERE member_id = ${m.id}`,
        };
      },
    },
    ...(['suspend', 'reinstate'] as const).map(
      (action): Case => ({
        family: `admin: ${action}`,
        refuse: action === 'suspend' ? 'member.suspended' : 'member.reinstated',
        setup: async () => {
          const [o, m] = [await op(), await member('Moderated')];
          if (action === 'reinstate') expect((await o.call('POST', `/api/v1/admin/members/${m.handle}/suspend`, { reason: 'spam' })).statusCode).toBe(200);
          return {
            act: async () => status(await o.call('POST', `/api/v1/admin/members/${m.handle}/${action}`, { reason: 'spam' })),
            state: () => rows(db(), sql`SELECT status FROM members WHERE id = ${m.id}`),
            expected: () => [{ kind: action === 'suspend' ? 'member.suspended' : 'member.reinstated', actorId: o.id, subjectId: m.id, data: { reason: 'spam' } }],
            written: () => sql`SELECT xmin::text AS xmin FROM members WHERE id = ${m.id}`,
          };
        },
      }),
    ),
    {
      family: 'admin: role',
      refuse: 'member.role_changed',
      setup: async () => {
        const [o, m] = [await op(), await member('Promoted')];
        return {
          act: async () => status(await o.call('POST', `/api/v1/admin/members/${m.handle}/promote`, { reason: 'trusted' })),
          state: () => rows(db(), sql`SELECT role FROM members WHERE id = ${m.id}`),
          expected: () => [{ kind: 'member.role_changed', actorId: o.id, subjectId: m.id, data: { role: 'admin', previous: 'member' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM members WHERE id = ${m.id}`,
        };
      },
    },
    {
      family: 'reports: file',
      refuse: 'report.filed',
      setup: async () => {
        const [a, b] = [await member('Reporter'), await member('Reported')];
        return {
          act: async () => status(await a.call('POST', '/api/v1/reports', { member: b.handle, reason: 'spam' })),
          state: () => count(sql`SELECT count(*)::int AS n FROM reports WHERE reporter_id = ${a.id}`),
          expected: (r) => [{ kind: 'report.filed', actorId: a.id, subjectId: b.id, data: { reportId: (r as { id: number }).id, reason: 'spam' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM reports WHERE reporter_id = ${a.id}`,
        };
      },
    },
    {
      family: 'moderation: restrict',
      refuse: 'member.restricted',
      setup: async () => {
        const [o, a, b] = [await op(), await member('Flagger'), await member('Restricted')];
        const report = (await a.call('POST', '/api/v1/reports', { member: b.handle, reason: 'spam' })).json<{ id: number }>().id;
        return {
          act: async () => status(await o.call('POST', `/api/v1/admin/moderation/reports/${report}/restrict`, { reason: 'Too many invitations' })),
          state: () => rows(db(), sql`SELECT kind FROM member_restrictions WHERE member_id = ${b.id} AND lifted_at IS NULL`),
          expected: () => [{ kind: 'member.restricted', actorId: o.id, subjectId: b.id, data: { kind: 'invitations', reason: 'Too many invitations', endsAt: null } }],
          written: () => sql`SELECT xmin::text AS xmin FROM member_restrictions WHERE member_id = ${b.id} AND kind = 'invitations'`,
        };
      },
    },
    {
      family: 'moderation: lift',
      refuse: 'member.unrestricted',
      setup: async () => {
        const [o, a, b] = [await op(), await member('Lift Reporter'), await member('Lifted')];
        const report = (await a.call('POST', '/api/v1/reports', { member: b.handle, reason: 'spam' })).json<{ id: number }>().id;
        expect((await o.call('POST', `/api/v1/admin/moderation/reports/${report}/restrict`, { reason: 'Spam' })).statusCode).toBe(200);
        return {
          act: async () => status(await o.call('POST', `/api/v1/admin/members/${b.handle}/restrictions/lift`, { reason: 'Reviewed' })),
          state: () => rows(db(), sql`SELECT kind FROM member_restrictions WHERE member_id = ${b.id} AND lifted_at IS NULL`),
          expected: () => [{ kind: 'member.unrestricted', actorId: o.id, subjectId: b.id, data: { kind: 'invitations', cause: 'lifted' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM member_restrictions WHERE member_id = ${b.id} AND kind = 'invitations'`,
        };
      },
    },
    {
      family: 'moderation: a restriction runs out',
      refuse: 'member.unrestricted',
      setup: async () => {
        const [o, a, b] = [await op(), await member('Timed Reporter'), await member('Timed')];
        const report = (await a.call('POST', '/api/v1/reports', { member: b.handle, reason: 'spam' })).json<{ id: number }>().id;
        expect((await o.call('POST', `/api/v1/admin/moderation/reports/${report}/restrict`, { reason: 'Spam', days: 1 })).statusCode).toBe(200);
        // Only this one has run out when the sweep runs (the one a rolled-back sweep left open no longer ends).
        await db().execute(sql`UPDATE member_restrictions SET ends_at = NULL WHERE lifted_at IS NULL AND ends_at <= now()`);
        await db().execute(sql`UPDATE member_restrictions SET ends_at = now() - interval '1 minute' WHERE member_id = ${b.id}`);
        return {
          act: () => inTransaction(db(), (tx) => endExpiredRestrictions(tx)).then(() => 200, () => 500),
          state: () => rows(db(), sql`SELECT kind FROM member_restrictions WHERE member_id = ${b.id} AND lifted_at IS NULL`),
          expected: () => [{ kind: 'member.unrestricted', actorId: null, subjectId: b.id, data: { kind: 'invitations', cause: 'ended' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM member_restrictions WHERE member_id = ${b.id} AND kind = 'invitations'`,
        };
      },
    },
    {
      family: 'organisations: merge',
      refuse: 'organisation.merged',
      setup: async () => {
        const [o, m] = [await op(), await member('Employee')];
        const [from, into] = [`Initech ${n}`, `Initrode ${n}`];
        const experience = [from, into].map((organisation) => ({ organisation, title: 'Engineer', startDate: '2020-01', endDate: null, description: '' }));
        expect((await m.call('PATCH', '/api/v1/me/profile', { experience })).statusCode).toBe(200);
        const ids = await rows<{ id: number; name: string }>(db(), sql`SELECT id, name FROM organisations WHERE name IN (${from}, ${into})`);
        const [fromId, intoId] = [ids.find((r) => r.name === from)!.id, ids.find((r) => r.name === into)!.id];
        return {
          act: async () => status(await o.call('POST', `/api/v1/admin/organisations/${fromId}/merge`, { into: intoId })),
          state: () => rows(db(), sql`SELECT merged_into FROM organisations WHERE id = ${fromId}`),
          expected: () => [{ kind: 'organisation.merged', actorId: o.id, subjectId: null, data: { fromId, intoId, members: 1 } }],
          written: () => sql`SELECT xmin::text AS xmin FROM organisations WHERE id = ${fromId}`,
        };
      },
    },
    {
      family: 'relationships: log a meeting by hand',
      refuse: 'interaction.logged',
      setup: async () => {
        const [a, b] = [await member('Logger'), await member('Met')];
        await connect(a, b);
        return {
          act: async () => status(await a.call('POST', `/api/v1/members/${b.handle}/interactions`, { kind: 'meeting', date: '2026-03-02', note: 'Coffee' })),
          state: () => rows(db(), sql`SELECT kind FROM interactions WHERE member_id = ${a.id} AND other_id = ${b.id} AND kind = 'meeting'`),
          expected: () => [{ kind: 'interaction.logged', actorId: a.id, subjectId: b.id, data: { kind: 'meeting', at: '2026-03-02T12:00:00.000Z' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM interactions WHERE member_id = ${a.id} AND other_id = ${b.id} AND kind = 'meeting'`,
        };
      },
    },
    {
      family: 'relationships: log a give or an ask by hand',
      refuse: 'ledger.logged',
      setup: async () => {
        const [a, b] = [await member('Giver'), await member('Helped')];
        await connect(a, b);
        return {
          act: async () => status(await a.call('POST', `/api/v1/members/${b.handle}/ledger`, { subject: 'advice', side: 'given', date: '2026-03-02' })),
          state: () => rows(db(), sql`SELECT kind FROM interactions WHERE member_id = ${a.id} AND other_id = ${b.id} AND kind = 'advice_given'`),
          expected: () => [{ kind: 'ledger.logged', actorId: a.id, subjectId: b.id, data: { subject: 'advice', side: 'given', at: '2026-03-02T12:00:00.000Z' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM interactions WHERE member_id = ${a.id} AND other_id = ${b.id} AND kind = 'advice_given'`,
        };
      },
    },
    {
      family: 'relationships: the keep-in-touch reminder',
      refuse: 'relationship.reminded',
      setup: async () => {
        const [a, b] = [await member('Reminded'), await member('Due')];
        await connect(a, b);
        expect((await a.call('PATCH', `/api/v1/members/${b.handle}/relationship`, { cadence: 'month' })).statusCode).toBe(200);
        // Only this pair is due (an earlier, rolled-back run's pair would be reminded too).
        await db().execute(sql`UPDATE relationship_cards SET reminded_at = now() WHERE reminded_at IS NULL AND due_at <= now()`);
        await db().execute(sql`UPDATE relationship_cards SET due_at = now() - interval '1 day' WHERE member_id = ${a.id}`);
        const { remindDue } = await import('../jobs/keep-in-touch.ts');
        return {
          act: async () => {
            try {
              await remindDue(db(), '2026-W49');
              return 200;
            } catch {
              return 500;
            }
          },
          state: () => rows(db(), sql`SELECT reminded_at FROM relationship_cards WHERE member_id = ${a.id}`),
          expected: () => [{ kind: 'relationship.reminded', actorId: null, subjectId: a.id, data: { week: '2026-W49', count: 1 } }],
          written: () => sql`SELECT xmin::text AS xmin FROM relationship_cards WHERE member_id = ${a.id}`,
        };
      },
    },
    ...postCases(),
    {
      family: 'messages: start a conversation',
      refuse: 'message.sent',
      setup: async () => {
        const [a, b] = [await member('Writer'), await member('Reader')];
        return {
          act: async () => status(await a.call('POST', '/api/v1/conversations', { to: [b.handle], text: 'Hello' })),
          state: () => count(sql`SELECT count(*)::int AS n FROM messages WHERE sender_id = ${a.id}`),
          expected: (res) => {
            const { id, messageId } = res as { id: number; messageId: number };
            // Both accounts are new: by default the message waits in the recipient's Requests.
            const delivered = [{ memberId: b.id, folder: 'requests', muted: false }];
            return [{ kind: 'message.sent', actorId: a.id, subjectId: null, data: { conversationId: id, messageId, started: true, delivered } }];
          },
          written: (res) => sql`SELECT xmin::text AS xmin FROM messages WHERE id = ${(res as { messageId: number }).messageId}`,
        };
      },
    },
    ...(['reply', 'accept'] as const).map(
      (how): Case => ({
        family: `messages: ${how === 'reply' ? 'reply to a request' : 'accept a request'}`,
        refuse: 'conversation.accepted',
        setup: async () => {
          const [a, b] = [await member('Requester'), await member('Accepter')];
          const started = await a.call('POST', '/api/v1/conversations', { to: [b.handle], text: 'Hello' });
          const id = started.json<{ id: number }>().id;
          return {
            act: async () =>
              status(await b.call('POST', `/api/v1/conversations/${id}/${how === 'reply' ? 'messages' : 'accept'}`, how === 'reply' ? { text: 'Hi!' } : undefined)),
            state: () => rows(db(), sql`SELECT folder FROM conversation_members WHERE conversation_id = ${id} AND member_id = ${b.id}`),
            expected: (res) => [
              { kind: 'conversation.accepted', actorId: b.id, subjectId: null, data: { conversationId: id } },
              ...(how === 'reply'
                ? [{ kind: 'message.sent' as const, actorId: b.id, subjectId: null, data: { conversationId: id, messageId: (res as { id: number }).id, started: false } }]
                : []),
            ],
            written: () => sql`SELECT xmin::text AS xmin FROM conversation_members WHERE conversation_id = ${id} AND member_id = ${b.id}`,
          };
        },
      }),
    ),
    ...(['archive', 'mute', 'read', 'delete'] as const).map(
      (change): Case => ({
        family: `conversations: ${change}`,
        refuse: 'conversation.updated',
        setup: async () => {
          const [a, b] = [await member('Chatty'), await member('Busy')];
          const started = await a.call('POST', '/api/v1/conversations', { to: [b.handle], text: 'Hello' });
          const { id, messageId } = started.json<{ id: number; messageId: number }>();
          const mine = sql`conversation_id = ${id} AND member_id = ${b.id}`;
          return {
            act: async () =>
              status(change === 'delete' ? await b.call('DELETE', `/api/v1/conversations/${id}`) : await b.call('POST', `/api/v1/conversations/${id}/${change}`)),
            state: () => rows(db(), sql`SELECT archived, muted, last_read_message_id::text AS "read", cleared_before_message_id::text AS cleared FROM conversation_members WHERE ${mine}`),
            expected: () => [
              {
                kind: 'conversation.updated',
                actorId: b.id,
                subjectId: null,
                data: change === 'read' ? { conversationId: id, change, upTo: messageId } : { conversationId: id, change: change === 'delete' ? 'cleared' : `${change}d` },
              },
            ],
            written: () => sql`SELECT xmin::text AS xmin FROM conversation_members WHERE ${mine}`,
          };
        },
      }),
    ),
    ...introductionCases(kit),
  ];

  /** Posts, comments and reactions: each kind through its route. */
  function postCases(): Case[] {
    const write = async (m: Member, path: string, body: unknown) => {
      const res = await m.call('POST', path, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const postBy = (m: Member) => write(m, '/api/v1/posts', { text: 'Something to say' });
    const postsOf = (m: Member) => count(sql`SELECT count(*)::int AS n FROM posts WHERE author_id = ${m.id}`);
    const id = (a: unknown) => (a as { id: number }).id;
    return [
      {
        family: 'posts: write',
        refuse: 'post.created',
        setup: async () => {
          const [a, b] = [await member('Poster'), await member('Mentioned')];
          return {
            act: async () => status(await a.call('POST', '/api/v1/posts', { text: `Hello @${b.handle}`, visibility: 'followers' })),
            state: () => postsOf(a),
            expected: (r) => [{ kind: 'post.created', actorId: a.id, subjectId: null, data: { postId: id(r), visibility: 'followers', repostOf: null, mentioned: [b.id] } }],
            written: (r) => sql`SELECT xmin::text AS xmin FROM posts WHERE id = ${id(r)}`,
          };
        },
      },
      {
        family: 'posts: repost',
        refuse: 'post.created',
        setup: async () => {
          const [a, b] = [await member('Original'), await member('Resharer')];
          const original = await postBy(a);
          return {
            act: async () => status(await b.call('POST', '/api/v1/posts', { text: '', repostOf: original })),
            state: async () => [await postsOf(b), await rows(db(), sql`SELECT repost_count FROM posts WHERE id = ${original}`)],
            expected: (r) => [{ kind: 'post.created', actorId: b.id, subjectId: a.id, data: { postId: id(r), visibility: 'members', repostOf: original, mentioned: [] } }],
            written: () => sql`SELECT xmin::text AS xmin FROM posts WHERE id = ${original}`,
          };
        },
      },
      {
        family: 'posts: edit',
        refuse: 'post.edited',
        setup: async () => {
          const a = await member('Post Editor');
          const p = await postBy(a);
          return {
            act: async () => status(await a.call('PATCH', `/api/v1/posts/${p}`, { text: 'Said better #edits' })),
            state: () => rows(db(), sql`SELECT text, edited_at FROM posts WHERE id = ${p}`),
            expected: () => [{ kind: 'post.edited', actorId: a.id, subjectId: null, data: { postId: p, mentioned: [] } }],
            written: () => sql`SELECT xmin::text AS xmin FROM posts WHERE id = ${p}`,
          };
        },
      },
      {
        family: 'posts: delete',
        refuse: 'post.deleted',
        setup: async () => {
          const a = await member('Post Deleter');
          const p = await postBy(a);
          return {
            act: async () => status(await a.call('DELETE', `/api/v1/posts/${p}`)),
            state: () => postsOf(a),
            expected: () => [{ kind: 'post.deleted', actorId: a.id, subjectId: null, data: { postId: p } }],
          };
        },
      },
      {
        family: 'moderation: remove a message',
        refuse: 'content.removed',
        setup: async () => {
          const [o, a, b] = [await op(), await member('Removed Writer'), await member('Removed Reader')];
          const started = (await a.call('POST', '/api/v1/conversations', { to: [b.handle], text: 'Buy now' })).json<{ id: number; messageId: number }>();
          const report = (await b.call('POST', '/api/v1/reports', { member: a.handle, reason: 'spam', messageId: started.messageId })).json<{ id: number }>().id;
          return {
            act: async () => status(await o.call('POST', '/api/v1/admin/content/remove', { kind: 'message', id: started.messageId, reason: 'Spam' })),
            state: () => rows(db(), sql`SELECT m.text, m.removed_at IS NULL AS kept, r.status FROM messages m, reports r WHERE m.id = ${started.messageId} AND r.id = ${report}`),
            expected: () => [
              {
                kind: 'content.removed',
                actorId: o.id,
                subjectId: a.id,
                data: { kind: 'message', id: started.messageId, postId: null, conversationId: started.id, members: [a.id, b.id].sort((x, y) => x - y) },
              },
            ],
            written: () => sql`SELECT xmin::text AS xmin FROM messages WHERE id = ${started.messageId}`,
          };
        },
      },
      {
        family: 'comments: add',
        refuse: 'comment.added',
        setup: async () => {
          const [a, b] = [await member('Commented'), await member('Commenter')];
          const p = await postBy(a);
          return {
            act: async () => status(await b.call('POST', `/api/v1/posts/${p}/comments`, { text: 'Well said' })),
            state: async () => [await count(sql`SELECT count(*)::int AS n FROM comments WHERE post_id = ${p}`), await rows(db(), sql`SELECT comment_count FROM posts WHERE id = ${p}`)],
            expected: (r) => [{ kind: 'comment.added', actorId: b.id, subjectId: a.id, data: { commentId: id(r), postId: p, parentId: null, parentAuthorId: null, mentioned: [] } }],
            written: (r) => sql`SELECT xmin::text AS xmin FROM comments WHERE id = ${id(r)}`,
          };
        },
      },
      {
        family: 'comments: edit',
        refuse: 'comment.edited',
        setup: async () => {
          const [a, b] = [await member('Host'), await member('Comment Editor')];
          const c = await write(b, `/api/v1/posts/${await postBy(a)}/comments`, { text: 'First try' });
          return {
            act: async () => status(await b.call('PATCH', `/api/v1/comments/${c}`, { text: 'Second try' })),
            state: () => rows(db(), sql`SELECT text, edited_at FROM comments WHERE id = ${c}`),
            expected: (r) => [{ kind: 'comment.edited', actorId: b.id, subjectId: a.id, data: { commentId: c, postId: (r as { postId: number }).postId, mentioned: [] } }],
            written: () => sql`SELECT xmin::text AS xmin FROM comments WHERE id = ${c}`,
          };
        },
      },
      {
        family: 'comments: delete',
        refuse: 'comment.deleted',
        setup: async () => {
          const [a, b] = [await member('Moderating Host'), await member('Removed Commenter')];
          const p = await postBy(a);
          const c = await write(b, `/api/v1/posts/${p}/comments`, { text: 'Off topic' });
          await write(a, `/api/v1/posts/${p}/comments`, { text: 'Please stay on topic', parentId: c });
          return {
            act: async () => status(await a.call('DELETE', `/api/v1/comments/${c}`)),
            state: async () => [await count(sql`SELECT count(*)::int AS n FROM comments WHERE post_id = ${p}`), await rows(db(), sql`SELECT comment_count FROM posts WHERE id = ${p}`)],
            expected: () => [{ kind: 'comment.deleted', actorId: a.id, subjectId: b.id, data: { commentId: c, postId: p, replies: 1 } }],
            written: () => sql`SELECT xmin::text AS xmin FROM posts WHERE id = ${p}`,
          };
        },
      },
      {
        family: 'reactions: set',
        refuse: 'reaction.set',
        setup: async () => {
          const [a, b] = [await member('Reacted To'), await member('Reacting')];
          const p = await postBy(a);
          return {
            act: async () => status(await b.call('PUT', `/api/v1/posts/${p}/reaction`, { kind: 'celebrate' })),
            state: async () => [await count(sql`SELECT count(*)::int AS n FROM post_reactions WHERE post_id = ${p}`), await rows(db(), sql`SELECT reaction_counts FROM posts WHERE id = ${p}`)],
            expected: () => [{ kind: 'reaction.set', actorId: b.id, subjectId: a.id, data: { item: 'post', itemId: p, postId: p, kind: 'celebrate', previous: null } }],
            written: () => sql`SELECT xmin::text AS xmin FROM post_reactions WHERE post_id = ${p}`,
          };
        },
      },
      {
        family: 'reactions: change, on a comment',
        refuse: 'reaction.set',
        setup: async () => {
          const [a, b] = [await member('Comment Reacted To'), await member('Changing Mind')];
          const p = await postBy(a);
          const c = await write(a, `/api/v1/posts/${p}/comments`, { text: 'Any questions?' });
          expect((await b.call('PUT', `/api/v1/comments/${c}/reaction`, { kind: 'like' })).statusCode).toBe(200);
          return {
            act: async () => status(await b.call('PUT', `/api/v1/comments/${c}/reaction`, { kind: 'insightful' })),
            state: () => rows(db(), sql`SELECT kind FROM comment_reactions WHERE comment_id = ${c}`),
            expected: () => [{ kind: 'reaction.set', actorId: b.id, subjectId: a.id, data: { item: 'comment', itemId: c, postId: p, kind: 'insightful', previous: 'like' } }],
            written: () => sql`SELECT xmin::text AS xmin FROM comment_reactions WHERE comment_id = ${c}`,
          };
        },
      },
      {
        family: 'reactions: take back',
        refuse: 'reaction.removed',
        setup: async () => {
          const [a, b] = [await member('Unreacted'), await member('Unreacting')];
          const p = await postBy(a);
          expect((await b.call('PUT', `/api/v1/posts/${p}/reaction`, { kind: 'support' })).statusCode).toBe(200);
          return {
            act: async () => status(await b.call('DELETE', `/api/v1/posts/${p}/reaction`)),
            state: () => count(sql`SELECT count(*)::int AS n FROM post_reactions WHERE post_id = ${p}`),
            expected: () => [{ kind: 'reaction.removed', actorId: b.id, subjectId: a.id, data: { item: 'post', itemId: p, postId: p, kind: 'support' } }],
            written: () => sql`SELECT xmin::text AS xmin FROM posts WHERE id = ${p}`,
          };
        },
      },
      ...endorsementCases(kit),
      ...emailInvitationCases(kit),
      ...exportCases(kit),
      ...deletionCases(kit),
      ...communityCases(kit),
    ];
  }

  const newest = async () => (await count(sql`SELECT coalesce(max(id), 0)::int AS n FROM events`))!;
  const recordedAfter = (after: number) =>
    rows<{ kind: EventKind; actor_id: number | null; subject_id: number | null; data: Record<string, unknown>; xid: string }>(
      db(),
      sql`SELECT kind, actor_id, subject_id, data, xid::text AS xid FROM events WHERE id > ${after} ORDER BY id`,
    );
  const byKindActorSubject = (a: Expected, b: Expected) =>
    `${a.kind} ${a.actorId} ${a.subjectId}`.localeCompare(`${b.kind} ${b.actorId} ${b.subjectId}`);

  it('covers every kind of event', () => {
    expect([...new Set(CASES.map((c) => c.refuse))].sort()).toEqual([...EVENT_KINDS].sort());
  });

  for (const c of CASES) {
    it(`${c.family}: recorded with the change, and rolled back with it`, async () => {
      const database = db();
      // A transaction that fails at COMMIT because its event is refused: nothing of it may remain.
      const failing = await c.setup();
      const before = await failing.state();
      const mark = await newest();
      await database.execute(sql.raw(`CREATE OR REPLACE FUNCTION test_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.kind = TG_ARGV[0] THEN RAISE EXCEPTION 'the outbox refuses %', NEW.kind; END IF; RETURN NULL; END $$`));
      await database.execute(sql.raw(`CREATE CONSTRAINT TRIGGER test_refuse AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION test_refuse_event('${c.refuse}')`));
      try {
        expect(await failing.act()).toBe(500);
      } finally {
        await database.execute(sql`DROP TRIGGER test_refuse ON events`);
      }
      expect(await failing.state()).toEqual(before);
      expect(await recordedAfter(mark)).toEqual([]);

      // The same command on a fresh pair commits its change and its events together.
      const ok = await c.setup();
      const start = await newest();
      const code = await ok.act();
      expect(code, JSON.stringify(answer)).toBeLessThan(300);
      const recorded = await recordedAfter(start);
      const expected = ok.expected(answer);
      expect(recorded.map((e) => ({ kind: e.kind, actorId: e.actor_id, subjectId: e.subject_id, data: e.data })).sort(byKindActorSubject)).toMatchObject(
        [...expected].sort(byKindActorSubject),
      );
      const xids = new Set(recorded.map((e) => e.xid));
      expect(xids.size).toBe(1);
      if (ok.written) {
        const [row] = await rows<{ xmin: string }>(database, ok.written(answer));
        // xmin is the 32-bit transaction id; the event keeps the full 64-bit one (epoch and id).
        expect(BigInt([...xids][0]!) % 2n ** 32n).toBe(BigInt(row!.xmin));
      }
    });
  }
});
