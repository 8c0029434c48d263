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
    return res.json() as { items: { handle: string; name: string; degree: number | null; mutualCount: number | null }[]; nextCursor: string | null };
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

  it('hides suspended members from search', async () => {
    const suspend = await viewer.call('POST', `/api/v1/admin/members/${people['Li Wei']!.handle}/suspend`, { reason: 'test' });
    expect(suspend.statusCode).toBe(200);
    expect(handles(await search('q=robotics'))).toEqual([]);
  });
});
