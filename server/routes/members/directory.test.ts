import { beforeAll, expect, it } from 'vitest';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite } from '../network/network-test-helpers.ts';

interface Listed {
  id: number;
  handle: string;
  name: string;
  location: string | null;
  degree: number | null;
  mutualCount: number | null;
  connection: string;
  invitationId: number | null;
}
interface DirectoryPage {
  items: Listed[];
  nextCursor: string | null;
}

describeEachEngine('member directory', (get) => {
  let operator: Member;
  let viewer: Member;
  const people: Record<string, Member> = {};
  let fromFay = 0;
  let toGus = 0;

  // Signed up in this order, so "newest first" is the reverse of it. The operator signs up first (the
  // first account is the operator), and sees every profile in full; the viewer is an ordinary member.
  beforeAll(async () => {
    const { app } = get();
    operator = await signUp(app, 'Olga Operator');
    viewer = await signUp(app, 'Vera Viewer');
    const profiles: Record<string, object> = {
      'Ana Alves': { location: 'Lisbon, Portugal', industry: 'Software', experience: [{ organisation: 'Acme Labs', title: 'Engineer', startDate: '2020-01' }] },
      // Shares her profile only with her network: the filters below must not reveal where she is or works.
      'Ben Bauer': {
        location: 'Lisbon',
        industry: 'Software',
        visibility: 'network',
        experience: [{ organisation: 'Acme Labs', title: 'Designer', startDate: '2021-01' }],
      },
      'Cyd Suspended': { location: 'Lisbon', industry: 'Software' },
      'Dee Blocker': {},
      'Eve Blocked': {},
      'Fay Inviter': { location: 'Porto', industry: 'Banking' },
      'Gus Invitee': {},
      'Hal Friend': {},
      'Ida Friend-of-Hal': {},
    };
    for (const [name, patch] of Object.entries(profiles)) {
      const m = await signUp(app, name);
      const res = await m.call('PATCH', '/api/v1/me/profile', patch);
      if (res.statusCode !== 200) throw new Error(res.body);
      people[name] = m;
    }
    const p = (name: string) => people[name]!;
    expect((await operator.call('POST', `/api/v1/admin/members/${p('Cyd Suspended').handle}/suspend`, { reason: 'spam' })).statusCode).toBe(200);
    expect((await p('Dee Blocker').call('PUT', `/api/v1/members/${viewer.handle}/block`)).statusCode).toBe(200);
    expect((await viewer.call('PUT', `/api/v1/members/${p('Eve Blocked').handle}/block`)).statusCode).toBe(200);
    fromFay = await invite(p('Fay Inviter'), viewer, 'We met at the Lisbon meetup.');
    toGus = await invite(viewer, p('Gus Invitee'));
    await connect(viewer, p('Hal Friend'));
    await connect(p('Hal Friend'), p('Ida Friend-of-Hal'));
  });

  const list = async (who: Member, qs = ''): Promise<DirectoryPage> => {
    const res = await who.call('GET', `/api/v1/members${qs ? `?${qs}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DirectoryPage>();
  };
  const names = (page: DirectoryPage) => page.items.map((i) => i.name);
  const all = async (who: Member, qs: string): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: DirectoryPage = await list(who, `${qs}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('lists active members newest first, leaving out the viewer, suspended members and both sides of a block', async () => {
    expect(names(await list(viewer))).toEqual([
      'Ida Friend-of-Hal',
      'Hal Friend',
      'Gus Invitee',
      'Fay Inviter',
      'Ben Bauer',
      'Ana Alves',
      'Olga Operator',
    ]);
  });

  it('pages through both orders by keyset, without repeats or gaps', async () => {
    expect(await all(viewer, 'sort=newest')).toEqual(names(await list(viewer, 'sort=newest&limit=50')));
    const byName = await all(viewer, 'sort=name');
    expect(byName).toEqual(['Ana Alves', 'Ben Bauer', 'Fay Inviter', 'Gus Invitee', 'Hal Friend', 'Ida Friend-of-Hal', 'Olga Operator']);
  });

  it('filters by organisation, place and industry only where the viewer may see the full profile', async () => {
    const acme = (await viewer.call('GET', '/api/v1/organisations?q=acme labs')).json().items[0].id as number;
    // Ben shares his profile with his network only, and Vera is outside it: no filter may single him out.
    expect(names(await list(viewer, `organisation=${acme}`))).toEqual(['Ana Alves']);
    expect(names(await list(viewer, 'location=lisbon'))).toEqual(['Ana Alves']);
    expect(names(await list(viewer, 'industry=software'))).toEqual(['Ana Alves']);
    expect(names(await list(viewer, 'location=lisbon&industry=Banking'))).toEqual([]);
    expect(names(await list(viewer, 'location=Port&industry=Banking'))).toEqual(['Fay Inviter']);
    // …but he is in the directory, without his place.
    const ben = (await list(viewer)).items.find((i) => i.name === 'Ben Bauer');
    expect(ben?.location).toBeNull();
    // The operator sees every profile in full, so the same filters find Ben; suspended Cyd stays out.
    expect(names(await list(operator, `organisation=${acme}&location=LISBON`))).toEqual(['Ben Bauer', 'Ana Alves']);
    // LIKE wildcards in the place are text, not patterns.
    expect(names(await list(viewer, 'location=%25'))).toEqual([]);
  });

  it('gives each member the viewer’s degree, mutual count and connection state, with the pending invitation to answer', async () => {
    const byName = new Map((await list(viewer)).items.map((i) => [i.name, i]));
    expect(byName.get('Fay Inviter')).toMatchObject({ connection: 'pending_received', invitationId: fromFay });
    expect(byName.get('Gus Invitee')).toMatchObject({ connection: 'pending_sent', invitationId: toGus });
    expect(byName.get('Hal Friend')).toMatchObject({ connection: 'connected', invitationId: null, degree: 1 });
    expect(byName.get('Ida Friend-of-Hal')).toMatchObject({ connection: 'none', invitationId: null, degree: 2, mutualCount: 1 });
    expect(byName.get('Ana Alves')).toMatchObject({ connection: 'none', invitationId: null, degree: null });

    // Ignoring is silent: the sender still sees her invitation as pending; the viewer no longer has it to answer.
    const gus = people['Gus Invitee']!;
    expect((await gus.call('POST', `/api/v1/invitations/${toGus}/ignore`)).statusCode).toBe(200);
    expect((await list(viewer)).items.find((i) => i.name === 'Gus Invitee')).toMatchObject({ connection: 'pending_sent', invitationId: toGus });
    // Accepting through the id the directory gave connects the two.
    expect((await viewer.call('POST', `/api/v1/invitations/${fromFay}/accept`)).statusCode).toBe(200);
    expect((await list(viewer)).items.find((i) => i.name === 'Fay Inviter')).toMatchObject({ connection: 'connected', degree: 1 });
  });

  it('records an invitation sent from the directory as where the relationship began', async () => {
    const ana = people['Ana Alves']!;
    const sent = await viewer.call('POST', '/api/v1/invitations', { to: ana.handle, note: 'Fellow Acme alumna?', context: 'directory' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await ana.call('POST', `/api/v1/invitations/${sent.json().invitation.id}/accept`)).statusCode).toBe(200);
    const mine = (await viewer.call('GET', '/api/v1/me/connections?q=Ana')).json();
    expect(mine.items).toEqual([expect.objectContaining({ handle: ana.handle, origin: expect.objectContaining({ context: 'directory' }) })]);
  });

  it('is documented in the OpenAPI description with its parameters', async () => {
    const doc = (await get().app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const parameters = (doc.paths['/api/v1/members'].get.parameters as { name: string }[]).map((p) => p.name).sort();
    expect(parameters).toEqual(['cursor', 'industry', 'limit', 'location', 'organisation', 'sort']);
  });

  it('answers bad parameters with a 400 problem, never a 5xx', async () => {
    const problem = async (qs: string, code: string) => {
      const res = await viewer.call('GET', `/api/v1/members?${qs}`);
      expect(res.statusCode, `${qs}: ${res.body}`).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(res.json().code, qs).toBe(code);
    };
    await problem('sort=oldest', 'validation_failed');
    await problem('degree=1', 'validation_failed');
    await problem('organisation=acme', 'validation_failed');
    await problem('organisation=99999999999', 'validation_failed');
    await problem('limit=500', 'validation_failed');
    await problem(`location=${encodeURIComponent('Lis\u0000bon')}`, 'validation_failed');
    await problem(`location=${'x'.repeat(101)}`, 'validation_failed');
    await problem('cursor=not-a-cursor', 'invalid_cursor');
    // A cursor from one order is not valid in the other.
    const byName = await list(viewer, 'sort=name&limit=1');
    await problem(`sort=newest&cursor=${byName.nextCursor}`, 'invalid_cursor');
    const forged = Buffer.from(JSON.stringify({ t: "2020-01-01'; DROP TABLE members; --", i: 1 })).toString('base64url');
    await problem(`cursor=${forged}`, 'invalid_cursor');
  });
});
