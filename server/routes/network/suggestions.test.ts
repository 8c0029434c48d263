import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite, members } from './network-test-helpers.ts';

interface SuggestionItem {
  person: { handle: string; degree: number | null; mutualCount: number };
  reasons: { code: string; params: Record<string, unknown>; text: string }[];
}

describeEachEngine('network: people you may know over the API', (get) => {
  it('suggests friends of friends with reasons, leaves out pending and connected people, and discounts a dismissal', async () => {
    const { app } = get();
    const [ana, ben, cy, dee, eve] = await members(app, ['Ana Pymk', 'Ben Pymk', 'Cy Pymk', 'Dee Pymk', 'Eve Pymk']);
    // Ana knows Ben and Cy; both know Dee; Ben alone knows Eve.
    await connect(ana!, ben!);
    await connect(ana!, cy!);
    await connect(ben!, dee!);
    await connect(cy!, dee!);
    await connect(ben!, eve!);

    const res = await ana!.call('GET', '/api/v1/suggestions/people?limit=10');
    expect(res.statusCode, res.body).toBe(200);
    const items: SuggestionItem[] = res.json().items;
    expect(items.map((i) => i.person.handle)).toEqual([dee!.handle, eve!.handle]);
    expect(items[0]).toMatchObject({ person: { degree: 2, mutualCount: 2 } });
    // Cy comes first: a mutual with fewer connections of their own is the more telling one (Adamic–Adar).
    expect(items[0]!.reasons).toEqual([
      { code: 'suggestion.mutual_connections', params: { count: 2, names: ['Cy Pymk', 'Ben Pymk'] }, text: '2 mutual connections: Cy Pymk and Ben Pymk' },
    ]);
    expect(items[1]!.reasons.map((r) => r.text)).toEqual(['1 mutual connection: Ben Pymk']);

    // A pending invitation takes Eve out of the list, for both ends.
    await invite(ana!, eve!);
    const afterInvite: SuggestionItem[] = (await ana!.call('GET', '/api/v1/suggestions/people')).json().items;
    expect(afterInvite.map((i) => i.person.handle)).toEqual([dee!.handle]);

    // Dismissing is accepted and ranks Dee lower from then on (here still shown: nobody else to suggest).
    const dismissed = await ana!.call('DELETE', `/api/v1/suggestions/people/${dee!.handle}`);
    expect(dismissed.statusCode, dismissed.body).toBe(204);
    const after = (await ana!.call('GET', '/api/v1/suggestions/people')).json().items as SuggestionItem[];
    expect(after.every((i) => i.person.handle !== eve!.handle)).toBe(true);
  });

  it('asks for sign-in, and names an unknown member in a dismissal as not found', async () => {
    const { app } = get();
    const [ana] = await members(app, ['Ana Anon']);
    const anon = await app.inject({ method: 'GET', url: '/api/v1/suggestions/people' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    const missing = await ana!.call('DELETE', '/api/v1/suggestions/people/nobody-here');
    expect(missing.statusCode).toBe(404);
    const bad = await ana!.call('GET', '/api/v1/suggestions/people?limit=0');
    expect(bad.statusCode).toBe(400);
  });
  // One graph worker thread, as in production: the app starts it with the index and stops it on close.
}, () => ({ graphWorkers: 1 }));
