import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { sweepIntroductions } from '../../commands/introductions/sweep.ts';
import { rows } from '../../db/connection.ts';
import { connect } from '../../routes/network/network-test-helpers.ts';
import type { Member } from '../client.ts';
import type { Case, CaseKit } from './types.ts';

/** Introductions: each step through its route, and the sweep's expiry and reminder. */
export function introductionCases({ get, db, member, status, count }: CaseKit): Case[] {
  /** A asks B to introduce them to C (2nd degree through B). */
  const asked = async () => {
    const [a, b, c] = [await member('Intro Asker'), await member('Intro Middle'), await member('Intro Target')];
    await connect(a, b);
    await connect(b, c);
    return { a, b, c };
  };
  const request = async (a: Member, b: Member, c: Member) => {
    const res = await a.call('POST', '/api/v1/introductions', { target: c.handle, via: [b.handle], blurb: 'Could we talk about bees?' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };
  const stateOf = (id: number) => rows(db(), sql`SELECT i.status, s.position, s.status AS step FROM introductions i JOIN introduction_steps s ON s.introduction_id = i.id WHERE i.id = ${id} ORDER BY s.position`);
  const sweep = async () => {
    try {
      await sweepIntroductions(db(), get().config.network);
      return 200;
    } catch {
      return 500;
    }
  };
  return [
    {
      family: 'introductions: request',
      refuse: 'introduction.requested',
      setup: async () => {
        const { a, b, c } = await asked();
        return {
          act: async () => status(await a.call('POST', '/api/v1/introductions', { target: c.handle, via: [b.handle], blurb: 'Could we talk about bees?' })),
          state: () => count(sql`SELECT count(*)::int AS n FROM introductions WHERE requester_id = ${a.id}`),
          expected: (r) => [{ kind: 'introduction.requested', actorId: a.id, subjectId: c.id, data: { introductionId: (r as { id: number }).id, path: [b.id] } }],
          written: (r) => sql`SELECT xmin::text AS xmin FROM introductions WHERE id = ${(r as { id: number }).id}`,
        };
      },
    },
    {
      family: 'introductions: forward',
      refuse: 'introduction.forwarded',
      setup: async () => {
        const { a, b, c } = await asked();
        const id = await request(a, b, c);
        return {
          act: async () => status(await b.call('POST', `/api/v1/introductions/${id}/forward`, { note: 'Go for it' })),
          state: () => stateOf(id),
          expected: () => [{ kind: 'introduction.forwarded', actorId: b.id, subjectId: c.id, data: { introductionId: id, requesterId: a.id, position: 0, nextId: c.id, nextIsTarget: true } }],
          written: () => sql`SELECT xmin::text AS xmin FROM introduction_steps WHERE introduction_id = ${id} AND position = 0`,
        };
      },
    },
    {
      family: 'introductions: decline',
      refuse: 'introduction.declined',
      setup: async () => {
        const { a, b, c } = await asked();
        const id = await request(a, b, c);
        return {
          act: async () => status(await b.call('POST', `/api/v1/introductions/${id}/decline`, { reason: 'Not now' })),
          state: () => stateOf(id),
          expected: () => [{ kind: 'introduction.declined', actorId: b.id, subjectId: a.id, data: { introductionId: id, role: 'introducer', dontKnow: false, forwardedBy: [] } }],
          written: () => sql`SELECT xmin::text AS xmin FROM introductions WHERE id = ${id}`,
        };
      },
    },
    {
      family: 'introductions: accept',
      refuse: 'introduction.accepted',
      setup: async () => {
        const { a, b, c } = await asked();
        const id = await request(a, b, c);
        expect((await b.call('POST', `/api/v1/introductions/${id}/forward`)).statusCode).toBe(200);
        return {
          act: async () => status(await c.call('POST', `/api/v1/introductions/${id}/accept`)),
          state: async () => [await stateOf(id), await count(sql`SELECT count(*)::int AS n FROM conversation_members WHERE member_id = ${c.id}`)],
          expected: (r) => {
            const conversationId = (r as { introduction: { conversationId: number } }).introduction.conversationId;
            return [
              { kind: 'introduction.accepted', actorId: c.id, subjectId: a.id, data: { introductionId: id, path: [b.id], conversationId } },
              { kind: 'message.sent', actorId: a.id, subjectId: null, data: { conversationId, started: true } },
            ];
          },
          written: () => sql`SELECT xmin::text AS xmin FROM introductions WHERE id = ${id}`,
        };
      },
    },
    {
      family: 'introductions: expire (the sweep)',
      refuse: 'introduction.expired',
      setup: async () => {
        // Only this one is due: one left open by an earlier, rolled-back run is given time again.
        await db().execute(sql`UPDATE introductions SET expires_at = now() + interval '1 day' WHERE status = 'open' AND expires_at <= now()`);
        const { a, b, c } = await asked();
        const id = await request(a, b, c);
        await db().execute(sql`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = ${id}`);
        return {
          act: sweep,
          state: () => stateOf(id),
          expected: () => [{ kind: 'introduction.expired', actorId: null, subjectId: a.id, data: { introductionId: id, path: [b.id], targetId: c.id } }],
          written: () => sql`SELECT xmin::text AS xmin FROM introductions WHERE id = ${id}`,
        };
      },
    },
    {
      family: 'introductions: remind (the sweep)',
      refuse: 'introduction.reminded',
      setup: async () => {
        await db().execute(sql`UPDATE introductions SET reminded_at = now() WHERE status = 'open' AND reminded_at IS NULL`);
        const { a, b, c } = await asked();
        const id = await request(a, b, c);
        await db().execute(sql`UPDATE introduction_steps SET reached_at = now() - interval '8 days' WHERE introduction_id = ${id}`);
        return {
          act: sweep,
          state: () => rows(db(), sql`SELECT reminded_at FROM introductions WHERE id = ${id}`),
          expected: () => [{ kind: 'introduction.reminded', actorId: null, subjectId: b.id, data: { introductionId: id, requesterId: a.id } }],
          written: () => sql`SELECT xmin::text AS xmin FROM introductions WHERE id = ${id}`,
        };
      },
    },
  ];
}
