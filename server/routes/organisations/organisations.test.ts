import { beforeAll, describe, expect, it } from 'vitest';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';

interface OrgMember {
  handle: string;
  degree: number | null;
  mutualCount: number | null;
}

const job = (organisation: string, endDate: string | null = null) => ({ organisation, title: 'Engineer', startDate: '2020-01', endDate });

async function setJobs(m: Member, ...organisations: string[]) {
  const res = await m.call('PATCH', '/api/v1/me/profile', { experience: organisations.map((o) => job(o)) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ profile: { experience: { organisation: { id: number; name: string; slug: string }; organisationName: string }[] } }>().profile.experience;
}

describeEachEngine('organisations', (get) => {
  let operator: Member;
  beforeAll(async () => {
    operator = await signUp(get().app, 'Org Operator');
  });

  describe('matching', () => {
    it('keeps names that differ only in symbols apart, and each member sees what they typed', async () => {
      const cpp = await signUp(get().app, 'Cee Plus');
      const cs = await signUp(get().app, 'Cee Sharp');
      const [a] = await setJobs(cpp, 'C++ Users Italy');
      const [b] = await setJobs(cs, 'C# Users Italy');
      expect(a!.organisation.id).not.toBe(b!.organisation.id);
      expect(a!.organisationName).toBe('C++ Users Italy');
      expect(b!.organisationName).toBe('C# Users Italy');
      // What others see on the profile, and on each organisation's page.
      const seen = (await cs.call('GET', `/api/v1/members/${cpp.handle}`)).json();
      expect(seen.experience[0].organisationName).toBe('C++ Users Italy');
      expect(seen.experience[0].organisation.name).toBe('C++ Users Italy');
      expect((await cs.call('GET', `/api/v1/organisations/${a!.organisation.slug}`)).json().name).toBe('C++ Users Italy');
      expect((await cs.call('GET', `/api/v1/organisations/${b!.organisation.slug}`)).json().name).toBe('C# Users Italy');
      for (const [name, other] of [['AT&T', 'AT T'], ['Yahoo!', 'Yahoo']] as const) {
        const [x] = await setJobs(cpp, name);
        const [y] = await setJobs(cs, other);
        expect(x!.organisation.id, name).not.toBe(y!.organisation.id);
      }
    });

    it('groups spellings that differ in case, accents and spacing, and keeps each spelling', async () => {
      const first = await signUp(get().app, 'Acme One');
      const second = await signUp(get().app, 'Acme Two');
      const [a] = await setJobs(first, 'acme corp');
      const [b] = await setJobs(second, 'ÁCME  Corp');
      expect(b!.organisation.id).toBe(a!.organisation.id);
      expect(a!.organisationName).toBe('acme corp');
      expect(b!.organisationName).toBe('ÁCME Corp');
      const members = (await first.call('GET', `/api/v1/organisations/${a!.organisation.slug}/members`)).json<{ items: OrgMember[] }>();
      expect(members.items.map((m) => m.handle).sort()).toEqual([first.handle, second.handle].sort());
      // Saving the form as loaded (the member's own spelling) keeps the spelling and the organisation.
      const again = await second.call('PATCH', '/api/v1/me/profile', { experience: [job('ÁCME Corp')] });
      expect(again.json().profile.experience[0]).toMatchObject({ organisationName: 'ÁCME Corp', organisation: { id: a!.organisation.id } });
    });
  });

  describe('merging (operators)', () => {
    let dupe: Member;
    let main: Member;
    let from: { id: number; slug: string };
    let into: { id: number; slug: string };
    beforeAll(async () => {
      dupe = await signUp(get().app, 'Dupe Member');
      main = await signUp(get().app, 'Main Member');
      from = (await setJobs(dupe, 'Initrode Inc.'))[0]!.organisation;
      into = (await setJobs(main, 'Initrode Inc'))[0]!.organisation;
      expect(from.id).not.toBe(into.id);
    });

    it('lets operators find organisations by name, near-duplicates next to each other', async () => {
      const res = await operator.call('GET', '/api/v1/admin/organisations?q=initrode');
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: { id: number; name: string; members: number }[] }>().items;
      expect(items.map((o) => o.name)).toEqual(['Initrode Inc', 'Initrode Inc.']);
      expect(items.every((o) => o.members === 1)).toBe(true);
    });

    it('is for operators only', async () => {
      expect((await main.call('GET', '/api/v1/admin/organisations')).statusCode).toBe(403);
      const res = await main.call('POST', `/api/v1/admin/organisations/${from.id}/merge`, { into: into.id });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    });

    it('refuses merging into itself or with unknown ids, and changes nothing', async () => {
      const self = await operator.call('POST', `/api/v1/admin/organisations/${from.id}/merge`, { into: from.id });
      expect(self.statusCode).toBe(400);
      expect(self.json().code).toBe('invalid_merge');
      const unknownFrom = await operator.call('POST', '/api/v1/admin/organisations/999999/merge', { into: into.id });
      expect(unknownFrom.statusCode).toBe(404);
      const unknownInto = await operator.call('POST', `/api/v1/admin/organisations/${from.id}/merge`, { into: 999999 });
      expect(unknownInto.statusCode).toBe(400);
      expect(unknownInto.json().code).toBe('invalid_merge');
      const huge = await operator.call('POST', `/api/v1/admin/organisations/${2 ** 40}/merge`, { into: into.id });
      expect(huge.statusCode).toBe(400);
      expect(huge.json().code).toBe('validation_failed');
      expect((await dupe.call('GET', '/api/v1/me')).json().profile.experience[0].organisation.id).toBe(from.id);
    });

    it('moves the members, keeps their spelling, follows the old slug and name, and writes an audit row', async () => {
      const res = await operator.call('POST', `/api/v1/admin/organisations/${from.id}/merge`, { into: into.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ from: { id: from.id, name: 'Initrode Inc.' }, into: { id: into.id, name: 'Initrode Inc' }, members: 1 });

      const mine = (await dupe.call('GET', '/api/v1/me')).json().profile.experience[0];
      expect(mine).toMatchObject({ organisationName: 'Initrode Inc.', organisation: { id: into.id, slug: into.slug } });
      const members = (await main.call('GET', `/api/v1/organisations/${into.slug}/members`)).json<{ items: OrgMember[] }>();
      expect(members.items.map((m) => m.handle).sort()).toEqual([dupe.handle, main.handle].sort());
      expect((await main.call('GET', `/api/v1/organisations/${into.slug}`)).json()).toMatchObject({ id: into.id, currentCount: 2 });
      // The merged organisation's page and name lead to the one it became.
      expect((await main.call('GET', `/api/v1/organisations/${from.slug}`)).json()).toMatchObject({ id: into.id, slug: into.slug });
      const newcomer = await signUp(get().app, 'Late Initrode');
      expect((await setJobs(newcomer, 'initrode inc.'))[0]!.organisation.id).toBe(into.id);
      // People search by organisation finds the moved member under the new id.
      const search = (await main.call('GET', `/api/v1/search/members?organisation=${into.id}`)).json<{ items: { handle: string }[] }>();
      expect(search.items.map((m) => m.handle)).toContain(dupe.handle);
      // Gone from the operators' list and from autocomplete.
      const listed = (await operator.call('GET', '/api/v1/admin/organisations?q=initrode')).json<{ items: { id: number }[] }>();
      expect(listed.items.map((o) => o.id)).toEqual([into.id]);
      const suggested = (await main.call('GET', '/api/v1/organisations?q=initrode')).json<{ items: { id: number }[] }>();
      expect(suggested.items.map((o) => o.id)).toEqual([into.id]);

      const audit = (await operator.call('GET', '/api/v1/admin/audit?action=organisation.')).json<{ items: { action: string; subjectId: string; data: Record<string, unknown>; actor: { handle: string } }[] }>();
      expect(audit.items[0]).toMatchObject({
        action: 'organisation.merge',
        subjectId: String(from.id),
        actor: { handle: operator.handle },
        data: { name: 'Initrode Inc.', into: { id: into.id, name: 'Initrode Inc' }, members: 1 },
      });
    });

    it('refuses merging an organisation that was already merged, or into one', async () => {
      const again = await operator.call('POST', `/api/v1/admin/organisations/${from.id}/merge`, { into: into.id });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('already_merged');
      const other = (await setJobs(main, 'Initrode Inc', 'Initrode Holdings'))[1]!.organisation;
      const intoMerged = await operator.call('POST', `/api/v1/admin/organisations/${other.id}/merge`, { into: from.id });
      expect(intoMerged.statusCode).toBe(409);
    });
  });

  describe('what a viewer may learn', () => {
    let viewer: Member;
    let friend: Member;
    let hidden: Member;
    let closeHidden: Member;
    let blocker: Member;
    let blocked: Member;
    let slug: string;
    beforeAll(async () => {
      viewer = await signUp(get().app, 'Viewer Vee');
      friend = await signUp(get().app, 'Friend Eff');
      hidden = await signUp(get().app, 'Hidden Aitch');
      closeHidden = await signUp(get().app, 'Close Hidden');
      blocker = await signUp(get().app, 'Blocker Bee');
      blocked = await signUp(get().app, 'Blocked Dee');
      slug = (await setJobs(friend, 'Globex Widgets'))[0]!.organisation.slug;
      for (const m of [hidden, closeHidden, blocker, blocked]) await setJobs(m, 'Globex Widgets');
      // Two network-only profiles: one outside the viewer's network, one a connection of a connection.
      for (const m of [hidden, closeHidden]) await m.call('PATCH', '/api/v1/me/profile', { visibility: 'network' });
      await connect(viewer, friend);
      await connect(friend, closeHidden);
      await connect(friend, blocker);
      await blocker.call('PUT', `/api/v1/members/${viewer.handle}/block`);
      await viewer.call('PUT', `/api/v1/members/${blocked.handle}/block`);
    });

    it('lists members with degree and mutual count, without blocked-either-way members or hidden network-only profiles', async () => {
      const res = await viewer.call('GET', `/api/v1/organisations/${slug}/members`);
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: OrgMember[] }>().items;
      const byHandle = new Map(items.map((m) => [m.handle, m]));
      expect([...byHandle.keys()].sort()).toEqual([friend.handle, closeHidden.handle].sort());
      expect(byHandle.get(friend.handle)).toMatchObject({ degree: 1, mutualCount: 0 });
      expect(byHandle.get(closeHidden.handle)).toMatchObject({ degree: 2, mutualCount: 1 });
    });

    it('counts only the members the viewer may see', async () => {
      expect((await viewer.call('GET', `/api/v1/organisations/${slug}`)).json()).toMatchObject({ currentCount: 2, pastCount: 0 });
      // An outsider sees the public profiles only; the two network-only members are not counted.
      const outsider = await signUp(get().app, 'Outsider Oh');
      expect((await outsider.call('GET', `/api/v1/organisations/${slug}`)).json()).toMatchObject({ currentCount: 3 });
      const suggested = (await outsider.call('GET', '/api/v1/organisations?q=globex')).json<{ items: { slug: string; memberCount: number }[] }>();
      expect(suggested.items).toEqual([expect.objectContaining({ slug, memberCount: 3 })]);
      const members = (await outsider.call('GET', `/api/v1/organisations/${slug}/members`)).json<{ items: OrgMember[] }>();
      expect(members.items.map((m) => m.handle).sort()).toEqual([friend.handle, blocker.handle, blocked.handle].sort());
    });

    it('offers in autocomplete only organisations that someone the viewer may see still lists', async () => {
      const leaver = await signUp(get().app, 'Leaver Ell');
      await setJobs(leaver, 'Vandelay Industries');
      const before = (await viewer.call('GET', '/api/v1/organisations?q=vandelay')).json<{ items: { name: string }[] }>();
      expect(before.items.map((o) => o.name)).toEqual(['Vandelay Industries']);
      await setJobs(leaver);
      const after = (await viewer.call('GET', '/api/v1/organisations?q=vandelay')).json<{ items: unknown[] }>();
      expect(after.items).toEqual([]);

      const secret = await signUp(get().app, 'Secret Ess');
      await secret.call('PATCH', '/api/v1/me/profile', { visibility: 'network', experience: [job('Kramerica Labs')] });
      expect((await viewer.call('GET', '/api/v1/organisations?q=kramerica')).json().items).toEqual([]);
      // Its own member still finds it.
      expect((await secret.call('GET', '/api/v1/organisations?q=kramerica')).json().items).toHaveLength(1);
    });
  });
});
