import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../../db/connection.ts';
import { connect } from '../../routes/network/network-test-helpers.ts';
import type { Case, CaseKit } from './types.ts';

/** Two connected members, the first with a skill and a position (endorsements and recommendations). */
async function pairWithProfile({ db, member }: CaseKit, names: [string, string]) {
  const [a, b] = [await member(names[0]), await member(names[1])];
  const res = await a.call('PATCH', '/api/v1/me/profile', { skills: ['Kotlin'], experience: [{ organisation: 'Events Co', title: 'Lead', startDate: '2021-01', endDate: null }] });
  expect(res.statusCode, res.body).toBe(200);
  await connect(a, b);
  const [position] = await rows<{ id: number }>(db(), sql`SELECT id FROM experiences WHERE member_id = ${a.id}`);
  const [skill] = await rows<{ id: number }>(db(), sql`SELECT skill_id AS id FROM member_skills WHERE member_id = ${a.id}`);
  return { a, b, positionId: position!.id, skillId: skill!.id };
}

export function endorsementCases(kit: CaseKit): Case[] {
  const { db, status, count } = kit;
  const endorsed = (memberId: number) => count(sql`SELECT count(*)::int AS n FROM endorsements WHERE member_id = ${memberId}`);
  const recommendation = (id: number) => rows(db(), sql`SELECT status FROM recommendations WHERE id = ${id}`);
  /** A recommendation b wrote for a's position, unasked, pending. */
  const written = async (names: [string, string]) => {
    const pair = await pairWithProfile(kit, names);
    const res = await pair.b.call('POST', `/api/v1/members/${pair.a.handle}/recommendations`, { positionId: pair.positionId, text: 'Recommended.' });
    expect(res.statusCode, res.body).toBe(201);
    return { ...pair, id: res.json<{ id: number }>().id };
  };
  return [
    {
      family: 'endorsements: endorse',
      refuse: 'endorsement.added',
      setup: async () => {
        const { a, b, skillId } = await pairWithProfile(kit, ['Endorsed Events', 'Endorser Events']);
        return {
          act: async () => status(await b.call('PUT', `/api/v1/members/${a.handle}/skills/kotlin/endorsement`)),
          state: () => endorsed(a.id),
          expected: () => [{ kind: 'endorsement.added', actorId: b.id, subjectId: a.id, data: { skillId } }],
          written: () => sql`SELECT xmin::text AS xmin FROM endorsements WHERE member_id = ${a.id}`,
        };
      },
    },
    {
      family: 'endorsements: take back',
      refuse: 'endorsement.removed',
      setup: async () => {
        const { a, b, skillId } = await pairWithProfile(kit, ['Unendorsed Events', 'Unendorser Events']);
        expect((await b.call('PUT', `/api/v1/members/${a.handle}/skills/Kotlin/endorsement`)).statusCode).toBe(200);
        return {
          act: async () => status(await b.call('DELETE', `/api/v1/members/${a.handle}/skills/Kotlin/endorsement`)),
          state: () => endorsed(a.id),
          expected: () => [{ kind: 'endorsement.removed', actorId: b.id, subjectId: a.id, data: { skillId } }],
        };
      },
    },
    {
      family: 'recommendations: ask',
      refuse: 'recommendation.requested',
      setup: async () => {
        const { a, b, positionId } = await pairWithProfile(kit, ['Asking Events', 'Asked Events']);
        return {
          act: async () => status(await a.call('POST', `/api/v1/members/${b.handle}/recommendation-requests`, { positionId, message: 'Please' })),
          state: () => count(sql`SELECT count(*)::int AS n FROM recommendation_requests WHERE member_id = ${a.id}`),
          expected: (ans) => [{ kind: 'recommendation.requested', actorId: a.id, subjectId: b.id, data: { requestId: (ans as { id: number }).id, positionId } }],
          written: (ans) => sql`SELECT xmin::text AS xmin FROM recommendation_requests WHERE id = ${(ans as { id: number }).id}`,
        };
      },
    },
    {
      family: 'recommendations: write',
      refuse: 'recommendation.written',
      setup: async () => {
        const { a, b, positionId } = await pairWithProfile(kit, ['Recommended Events', 'Recommender Events']);
        return {
          act: async () => status(await b.call('POST', `/api/v1/members/${a.handle}/recommendations`, { positionId, text: 'Great lead.' })),
          state: () => count(sql`SELECT count(*)::int AS n FROM recommendations WHERE member_id = ${a.id}`),
          expected: (ans) => [{ kind: 'recommendation.written', actorId: b.id, subjectId: a.id, data: { recommendationId: (ans as { id: number }).id, positionId, requestId: null } }],
          written: (ans) => sql`SELECT xmin::text AS xmin FROM recommendations WHERE id = ${(ans as { id: number }).id}`,
        };
      },
    },
    {
      family: 'recommendations: approve',
      refuse: 'recommendation.approved',
      setup: async () => {
        const { a, b, positionId, id } = await written(['Approving Events', 'Approved Author Events']);
        return {
          act: async () => status(await a.call('POST', `/api/v1/recommendations/${id}/approve`)),
          state: () => recommendation(id),
          expected: () => [{ kind: 'recommendation.approved', actorId: a.id, subjectId: b.id, data: { recommendationId: id, positionId } }],
          written: () => sql`SELECT xmin::text AS xmin FROM recommendations WHERE id = ${id}`,
        };
      },
    },
    {
      family: 'recommendations: decline',
      refuse: 'recommendation.updated',
      setup: async () => {
        const { a, b, positionId, id } = await written(['Declining Events', 'Declined Author Events']);
        return {
          act: async () => status(await a.call('POST', `/api/v1/recommendations/${id}/decline`)),
          state: () => recommendation(id),
          expected: () => [{ kind: 'recommendation.updated', actorId: a.id, subjectId: b.id, data: { recommendationId: id, positionId, change: 'declined' } }],
          written: () => sql`SELECT xmin::text AS xmin FROM recommendations WHERE id = ${id}`,
        };
      },
    },
  ];
}
