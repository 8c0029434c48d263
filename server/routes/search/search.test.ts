import { beforeAll, expect, it } from 'vitest';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

describeEachEngine('people search', (get) => {
  let viewer: Member;
  const people: Record<string, Member> = {};

  // The viewer signs up first, so in this file's fresh database they are the operator.
  beforeAll(async () => {
    const { app } = get();
    viewer = await signUp(app, 'Search Viewer');
    const profiles = [
      { name: 'Jonathan Smith', headline: 'Payments product lead', location: 'Lisbon', industry: 'Financial Services',
        function: 'Product Management', careerStage: 'senior', skills: ['Pricing', 'SQL'],
        experience: [{ organisation: 'Acme Payments', title: 'Head of Product', startDate: '2020-01' }] },
      { name: 'Siobhán Ní Bhriain', headline: 'Data engineer', location: 'Dublin', industry: 'Software',
        function: 'Engineering', careerStage: 'mid', skills: ['Kafka', 'Rust'],
        experience: [{ organisation: 'Globex', title: 'Engineer', startDate: '2019-05' }] },
      { name: 'Li Wei', headline: 'Founder at a robotics startup', location: 'Shenzhen', industry: 'Manufacturing',
        function: 'Entrepreneurship', careerStage: 'executive', skills: ['Robotics'],
        experience: [{ organisation: 'Acme Payments', title: 'Advisor', startDate: '2022-01' }] },
    ];
    for (const p of profiles) {
      const m = await signUp(app, p.name);
      const res = await m.call('PATCH', '/api/v1/me/profile', p);
      if (res.statusCode !== 200) throw new Error(res.body);
      people[p.name] = m;
    }
  });

  const search = async (qs: string) => {
    const res = await viewer.call('GET', `/api/v1/search/members?${qs}`);
    expect(res.statusCode).toBe(200);
    return res.json() as {
      items: { handle: string; name: string; degree: number | null; mutualCount: number | null; connection: string; invitationId: number | null }[];
      nextCursor: string | null;
    };
  };
  const handles = (r: { items: { handle: string }[] }) => r.items.map((i) => i.handle);

  it('finds a member by a misspelt name', async () => {
    const r = await search('q=Jonatan%20Smiht');
    expect(r.items[0]?.handle).toBe(people['Jonathan Smith']!.handle);
    expect(r.items[0]).toMatchObject({ degree: null, mutualCount: 0 });
  });

  it('ignores accents in names', async () => {
    expect(handles(await search('q=siobhan'))).toContain(people['Siobhán Ní Bhriain']!.handle);
  });

  it('matches headline words, skills, organisations and location', async () => {
    expect(handles(await search('q=robotics'))[0]).toBe(people['Li Wei']!.handle);
    expect(handles(await search('q=kafka'))).toEqual([people['Siobhán Ní Bhriain']!.handle]);
    expect(handles(await search('q=acme')).sort()).toEqual([people['Jonathan Smith']!.handle, people['Li Wei']!.handle].sort());
    expect(handles(await search('q=dublin'))).toEqual([people['Siobhán Ní Bhriain']!.handle]);
  });

  it('filters by industry, function, career stage and organisation', async () => {
    expect(handles(await search('industry=Software'))).toEqual([people['Siobhán Ní Bhriain']!.handle]);
    expect(handles(await search('function=Entrepreneurship'))).toEqual([people['Li Wei']!.handle]);
    expect(handles(await search('careerStage=senior'))).toEqual([people['Jonathan Smith']!.handle]);
    const acme = (await viewer.call('GET', '/api/v1/organisations?q=acme payments')).json().items[0].id;
    expect(handles(await search(`organisation=${acme}&careerStage=executive`))).toEqual([people['Li Wei']!.handle]);
  });

  it('paginates by cursor without repeats or gaps', async () => {
    const all = handles(await search('limit=50'));
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await search(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...handles(r));
      cursor = r.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('returns an empty list, not an error, when nothing matches', async () => {
    expect((await search('q=zzzzqqqq')).items).toEqual([]);
  });

  it('tells the viewer who already invited them, so a hit offers Accept rather than Connect', async () => {
    const inviter = await signUp(get().app, 'Ingrid Inviter');
    const sent = await inviter.call('POST', '/api/v1/invitations', { to: viewer.handle, note: 'We met at the payments meetup.' });
    expect(sent.statusCode, sent.body).toBe(201);
    const invitationId = sent.json().invitation.id as number;
    const invited = await signUp(get().app, 'Ingmar Invited');
    const mine = await viewer.call('POST', '/api/v1/invitations', { to: invited.handle, note: '' });
    expect(mine.statusCode, mine.body).toBe(201);

    const r = await search('q=Ingrid%20Inviter');
    expect(r.items[0]).toMatchObject({ handle: inviter.handle, connection: 'pending_received', invitationId });
    expect((await search('q=Ingmar%20Invited')).items[0]).toMatchObject({ connection: 'pending_sent', invitationId: mine.json().invitation.id });
    expect((await search('q=Jonathan%20Smith')).items[0]).toMatchObject({ connection: 'none', invitationId: null });
    expect((await search('q=Search%20Viewer')).items[0]).toMatchObject({ handle: viewer.handle, connection: 'self', invitationId: null });

    // Accepting by that id connects them, and the hit says so.
    expect((await viewer.call('POST', `/api/v1/invitations/${invitationId}/accept`)).statusCode).toBe(200);
    expect((await search('q=Ingrid%20Inviter')).items[0]).toMatchObject({ connection: 'connected', invitationId: null, degree: 1 });
    // So does a hit under the 1st-degree filter.
    expect((await search('degree=1')).items).toEqual([expect.objectContaining({ handle: inviter.handle, connection: 'connected' })]);
  });

  it('answers filters PostgreSQL could not take with a 400 problem, not a 5xx', async () => {
    for (const qs of ['organisation=99999999999', 'industry=%00', `function=${encodeURIComponent('a\u0000b')}`]) {
      const res = await viewer.call('GET', `/api/v1/search/members?${qs}`);
      expect(res.statusCode, `${qs}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it('hides suspended members from search', async () => {
    const suspend = await viewer.call('POST', `/api/v1/admin/members/${people['Li Wei']!.handle}/suspend`, { reason: 'test' });
    expect(suspend.statusCode).toBe(200);
    expect(handles(await search('q=robotics'))).toEqual([]);
  });
});
