import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../common/limits.ts';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';

interface SkillView {
  skill: string;
  count: number;
  endorsedByMe: boolean;
  endorsers: { handle: string; degree: number | null }[];
}

describeEachEngine('endorsements and recommendations', (get) => {
  let n = 0;
  const member = (name: string) => signUp(get().app, `${name} ${++n}`);
  const profile = async (viewer: Member, of: Member) => {
    const res = await viewer.call('GET', `/api/v1/members/${of.handle}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      skillEndorsements?: SkillView[];
      canEndorse?: boolean;
      experience?: { id: number; title: string }[];
      recommendations?: { id: number; positionId: number; text: string; author: { handle: string } }[];
    }>();
  };
  const skillOf = async (viewer: Member, of: Member, skill: string) => (await profile(viewer, of)).skillEndorsements!.find((s) => s.skill === skill)!;
  const endorsementRows = async (memberId: number) =>
    Number((await rows<{ n: string }>(get().database.db, sql`SELECT count(*) AS n FROM endorsements WHERE member_id = ${memberId}`))[0]!.n);
  const eventCount = async (kind: string) => Number((await rows<{ n: string }>(get().database.db, sql`SELECT count(*) AS n FROM events WHERE kind = ${kind}`))[0]!.n);
  const notified = async (m: Member) => (await m.call('GET', '/api/v1/notifications')).json<{ items: { kind: string; actors: { handle: string }[] }[] }>().items;
  const url = (m: Member, skill: string) => `/api/v1/members/${m.handle}/skills/${encodeURIComponent(skill)}/endorsement`;

  describe('endorsements', () => {
    let ada: Member, bo: Member, cy: Member, dee: Member;
    beforeAll(async () => {
      [ada, bo, cy, dee] = await Promise.all([member('Ada Endorsed'), member('Bo Endorser'), member('Cy Endorser'), member('Dee Stranger')]);
      expect((await ada.call('PATCH', '/api/v1/me/profile', { skills: ['TypeScript', 'Public speaking', 'Café Ops'] })).statusCode).toBe(200);
      await connect(ada, bo);
      await connect(ada, cy);
      await connect(bo, dee);
    });

    it('endorses a connection\'s skill once (idempotent), matched by name whatever the case, and takes it back', async () => {
      expect((await profile(bo, ada)).canEndorse).toBe(true);
      const first = await bo.call('PUT', url(ada, 'typescript'));
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ skill: 'TypeScript', count: 1, endorsed: true });
      const again = await bo.call('PUT', url(ada, 'TYPESCRIPT'));
      expect(again.json()).toEqual({ skill: 'TypeScript', count: 1, endorsed: true });
      expect(await eventCount('endorsement.added')).toBe(1);
      expect((await cy.call('PUT', url(ada, 'cafe ops'))).json()).toMatchObject({ skill: 'Café Ops', count: 1 });
      expect((await cy.call('PUT', url(ada, 'TypeScript'))).json()).toMatchObject({ count: 2 });

      const seen = await skillOf(dee, ada, 'TypeScript');
      expect(seen).toMatchObject({ count: 2, endorsedByMe: false });
      // Dee is Bo's connection: Bo's face carries a 1st-degree badge for Dee.
      // Newest first; Bo is Dee's connection, so Bo's face carries a 1st-degree badge for Dee (Cy is 3rd, through Bo and Ada).
      expect(seen.endorsers.map((e) => [e.handle, e.degree])).toEqual([[cy.handle, 3], [bo.handle, 1]]);
      expect((await skillOf(bo, ada, 'TypeScript')).endorsedByMe).toBe(true);

      const list = await dee.call('GET', `/api/v1/members/${ada.handle}/skills/typescript/endorsers`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((p: { handle: string }) => p.handle)).toEqual([cy.handle, bo.handle]);

      const off = await bo.call('DELETE', url(ada, 'TypeScript'));
      expect(off.json()).toEqual({ skill: 'TypeScript', count: 1, endorsed: false });
      expect((await bo.call('DELETE', url(ada, 'TypeScript'))).json()).toEqual({ skill: 'TypeScript', count: 1, endorsed: false });
      expect(await eventCount('endorsement.removed')).toBe(1);
      // One notification group for Ada, with both endorsers; taking one back tells nobody.
      expect((await notified(ada)).filter((x) => x.kind === 'endorsement').map((x) => x.actors.map((a) => a.handle).sort())).toEqual([[bo.handle, cy.handle].sort()]);
    });

    it('refuses self, strangers, unknown skills and members, with stable codes and nothing written', async () => {
      const before = await endorsementRows(ada.id);
      const cases: [Member, string, number, string][] = [
        [ada, url(ada, 'TypeScript'), 400, 'endorse_self'],
        [dee, url(ada, 'TypeScript'), 403, 'not_connected'],
        [bo, url(ada, 'Cooking'), 404, 'not_found'],
        [bo, `/api/v1/members/no-such-member-x/skills/Go/endorsement`, 404, 'not_found'],
      ];
      for (const [who, path, status, code] of cases) {
        const res = await who.call('PUT', path);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe(code);
      }
      expect((await bo.call('PUT', url(ada, 'x'.repeat(LIMITS.skillMax * 2 + 1)))).statusCode).toBe(414);
      expect((await profile(dee, ada)).canEndorse).toBe(false);
      expect(await endorsementRows(ada.id)).toBe(before);
    });

    it('hides endorsers across a block, both ways, from faces, counts and the list; blocked members cannot endorse', async () => {
      const [eve, fay] = await Promise.all([member('Eve Endorsed'), member('Fay Friend')]);
      await eve.call('PATCH', '/api/v1/me/profile', { skills: ['Go'] });
      await connect(eve, fay);
      await connect(eve, bo);
      expect((await fay.call('PUT', url(eve, 'Go'))).statusCode).toBe(200);
      expect((await bo.call('PUT', url(eve, 'Go'))).statusCode).toBe(200);
      // Dee blocks Fay: Dee no longer sees Fay among Eve's endorsers (faces, count and list).
      expect((await dee.call('PUT', `/api/v1/members/${fay.handle}/block`)).statusCode).toBe(200);
      const forDee = await skillOf(dee, eve, 'Go');
      expect(forDee.count).toBe(1);
      expect(forDee.endorsers.map((e) => e.handle)).toEqual([bo.handle]);
      const list = await dee.call('GET', `/api/v1/members/${eve.handle}/skills/Go/endorsers`);
      expect(list.json().items.map((p: { handle: string }) => p.handle)).toEqual([bo.handle]);
      // Eve blocks Bo: the connection goes, Bo's endorsement is hidden from Eve, and Bo can no longer endorse her.
      expect((await eve.call('PUT', `/api/v1/members/${bo.handle}/block`)).statusCode).toBe(200);
      expect((await skillOf(eve, eve, 'Go')).endorsers.map((e) => e.handle)).toEqual([fay.handle]);
      const blocked = await bo.call('PUT', url(eve, 'Go'));
      expect(blocked.statusCode).toBe(404);
      // A removed connection keeps the endorsement (as LinkedIn does), but no new one can be given.
      expect((await fay.call('DELETE', `/api/v1/connections/${eve.handle}`)).statusCode).toBeLessThan(300);
      expect((await skillOf(fay, eve, 'Go')).endorsedByMe).toBe(true);
      expect((await fay.call('DELETE', url(eve, 'Go'))).json()).toMatchObject({ endorsed: false });
      expect((await fay.call('PUT', url(eve, 'Go'))).json()).toMatchObject({ code: 'not_connected' });
    });
  });

  describe('recommendations', () => {
    let rita: Member, walt: Member, sam: Member, positionId: number, otherPosition: number;
    beforeAll(async () => {
      [rita, walt, sam] = await Promise.all([member('Rita Recommended'), member('Walt Writer'), member('Sam Stranger')]);
      const res = await rita.call('PATCH', '/api/v1/me/profile', {
        experience: [
          { organisation: 'Acme', title: 'Engineer', startDate: '2020-01', endDate: null },
          { organisation: 'Globex', title: 'Intern', startDate: '2018-01', endDate: '2019-01' },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      await connect(rita, walt);
      const exp = (await profile(rita, rita)).experience!;
      [positionId, otherPosition] = [exp[0]!.id, exp[1]!.id];
    });

    it('runs request → write → approve → shows → hide → show, each seen only by whom it concerns', async () => {
      const asked = await rita.call('POST', `/api/v1/members/${walt.handle}/recommendation-requests`, { positionId, message: 'Would you write a few words?' });
      expect(asked.statusCode, asked.body).toBe(201);
      const requestId = asked.json().id;
      const again = await rita.call('POST', `/api/v1/members/${walt.handle}/recommendation-requests`, { positionId, message: 'Again' });
      expect(again.json().code).toBe('recommendation_request_open');

      const requests = await walt.call('GET', '/api/v1/recommendations?box=requests');
      expect(requests.json().items).toMatchObject([{ id: requestId, kind: 'request', other: { handle: rita.handle }, position: { id: positionId, title: 'Engineer' }, text: 'Would you write a few words?', status: 'open' }]);

      const written = await walt.call('POST', `/api/v1/members/${rita.handle}/recommendations`, { positionId, text: 'Rita ships.', requestId });
      expect(written.statusCode, written.body).toBe(201);
      const id = written.json().id;
      const twice = await walt.call('POST', `/api/v1/members/${rita.handle}/recommendations`, { positionId, text: 'Again', requestId });
      expect(twice.json().code).toBe('recommendation_request_closed');
      expect((await walt.call('POST', `/api/v1/members/${rita.handle}/recommendations`, { positionId, text: 'Unasked again' })).json().code).toBe('recommendation_exists');
      expect((await walt.call('GET', '/api/v1/recommendations?box=requests')).json().items).toEqual([]);

      // Pending: the author and the recipient see it in their boxes; nobody sees it on the profile.
      expect((await rita.call('GET', '/api/v1/recommendations?box=received')).json().items).toMatchObject([{ id, status: 'pending', text: 'Rita ships.', other: { handle: walt.handle } }]);
      expect((await walt.call('GET', '/api/v1/recommendations?box=written')).json().items).toMatchObject([{ id, status: 'pending' }]);
      expect((await sam.call('GET', '/api/v1/recommendations?box=received')).json().items).toEqual([]);
      expect((await profile(sam, rita)).recommendations).toEqual([]);
      expect((await profile(walt, rita)).recommendations).toEqual([]);
      // Someone else's: 404, nothing changes.
      expect((await walt.call('POST', `/api/v1/recommendations/${id}/approve`)).statusCode).toBe(404);
      expect((await sam.call('POST', `/api/v1/recommendations/${id}/approve`)).statusCode).toBe(404);

      const approved = await rita.call('POST', `/api/v1/recommendations/${id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toEqual({ id, status: 'visible' });
      expect((await rita.call('POST', `/api/v1/recommendations/${id}/approve`)).json().code).toBe('recommendation_state');
      expect((await profile(sam, rita)).recommendations).toMatchObject([{ id, positionId, text: 'Rita ships.', author: { handle: walt.handle } }]);

      expect((await rita.call('POST', `/api/v1/recommendations/${id}/hide`)).json()).toEqual({ id, status: 'hidden' });
      expect((await profile(sam, rita)).recommendations).toEqual([]);
      expect((await rita.call('POST', `/api/v1/recommendations/${id}/hide`)).json().code).toBe('recommendation_state');
      expect((await rita.call('POST', `/api/v1/recommendations/${id}/show`)).json()).toEqual({ id, status: 'visible' });
      expect((await profile(sam, rita)).recommendations).toHaveLength(1);

      // A profile edit that keeps the position keeps its recommendation.
      const exp = (await profile(rita, rita)).experience!;
      const edit = await rita.call('PATCH', '/api/v1/me/profile', {
        experience: [
          { organisation: 'Acme', title: 'Engineer', startDate: '2020-01', endDate: null, description: 'Now with a description' },
          { id: exp[1]!.id, organisation: 'Globex', title: 'Intern (summer)', startDate: '2018-01', endDate: '2019-01' },
        ],
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect((await profile(sam, rita)).experience!.map((e) => e.id)).toEqual([positionId, otherPosition]);
      expect((await profile(sam, rita)).recommendations).toHaveLength(1);
      expect((await notified(walt)).map((x) => x.kind)).toEqual(expect.arrayContaining(['recommendation_requested', 'recommendation_approved']));
      expect((await notified(rita)).map((x) => x.kind)).toContain('recommendation_written');
      for (const kind of ['recommendation.requested', 'recommendation.written', 'recommendation.approved', 'recommendation.updated']) {
        expect(await eventCount(kind), kind).toBeGreaterThan(0);
      }
    });

    it('refuses strangers, self, someone else\'s position, oversized text and declined replays, writing nothing', async () => {
      const count = async () => Number((await rows<{ n: string }>(get().database.db, sql`SELECT count(*) AS n FROM recommendations WHERE member_id = ${rita.id}`))[0]!.n);
      const before = await count();
      const cases: [Member, string, object, number, string][] = [
        [sam, `/api/v1/members/${rita.handle}/recommendations`, { positionId, text: 'Hi' }, 403, 'not_connected'],
        [sam, `/api/v1/members/${rita.handle}/recommendation-requests`, { positionId: positionId }, 403, 'not_connected'],
        [rita, `/api/v1/members/${rita.handle}/recommendations`, { positionId, text: 'Me!' }, 400, 'recommendation_self'],
        [walt, `/api/v1/members/${rita.handle}/recommendations`, { positionId: 2147483647, text: 'Hi' }, 404, 'not_found'],
        [rita, `/api/v1/members/${walt.handle}/recommendation-requests`, { positionId: otherPosition + 100000 }, 404, 'not_found'],
        [walt, `/api/v1/members/${rita.handle}/recommendations`, { positionId: otherPosition, text: 'x'.repeat(LIMITS.recommendationMax + 1) }, 400, 'validation_failed'],
        [walt, `/api/v1/members/${rita.handle}/recommendations`, { positionId: otherPosition, text: 'Hi', requestId: 2147483647 }, 404, 'not_found'],
      ];
      for (const [who, path, body, status, code] of cases) {
        const res = await who.call('POST', path, body);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
        expect(res.json().code).toBe(code);
      }
      expect(await count()).toBe(before);
      // Walt asks Rita to recommend him for Rita's position: not his, so not found.
      const notHis = await walt.call('POST', `/api/v1/members/${rita.handle}/recommendation-requests`, { positionId, message: '' });
      expect(notHis.json().code).toBe('not_found');

      // Unasked, then declined: it never shows, and the author may write again.
      const unasked = await walt.call('POST', `/api/v1/members/${rita.handle}/recommendations`, { positionId: otherPosition, text: 'Great intern.' });
      expect(unasked.statusCode, unasked.body).toBe(201);
      const id = unasked.json().id;
      expect((await rita.call('POST', `/api/v1/recommendations/${id}/decline`)).json()).toEqual({ id, status: 'declined' });
      expect((await rita.call('POST', `/api/v1/recommendations/${id}/approve`)).json().code).toBe('recommendation_state');
      expect((await profile(sam, rita)).recommendations!.map((r) => r.id)).not.toContain(id);
      expect((await rita.call('GET', '/api/v1/recommendations?box=received')).json().items.map((r: { id: number }) => r.id)).not.toContain(id);
    });

    it('hides a shown recommendation from whoever is on either side of a block with its author', async () => {
      expect((await sam.call('PUT', `/api/v1/members/${walt.handle}/block`)).statusCode).toBe(200);
      expect((await profile(sam, rita)).recommendations).toEqual([]);
      expect((await profile(rita, rita)).recommendations).toHaveLength(1);
    });
  });
});
