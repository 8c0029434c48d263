import sharp from 'sharp';
import { expect, it } from 'vitest';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { multipart, png } from '../../test/uploads.ts';
import { connect, members } from '../network/network-test-helpers.ts';

const fullProfile = {
  name: 'Jonathan Smith',
  headline: 'Product lead for payments',
  about: 'I build payment products that small businesses love, and I mentor new product managers.',
  location: 'Lisbon, Portugal',
  industry: 'Financial Services',
  function: 'Product Management',
  careerStage: 'senior',
  birthYear: 1984,
  visibility: 'signed_in',
  links: [{ label: 'Website', url: 'https://example.com/jonathan' }],
  offers: ['Reviewing product specs'],
  asks: ['Introductions to fintech founders'],
  skills: ['Product Strategy', 'Payments', 'SQL', 'Pricing', 'Roadmapping'],
  experience: [
    { organisation: 'Acme Payments', title: 'Head of Product', startDate: '2021-03', endDate: null, description: 'Cards and wallets.' },
    { organisation: 'Globex', title: 'Product Manager', startDate: '2016-01', endDate: '2021-02', description: '' },
  ],
  education: [{ school: 'Universidade de Lisboa', degree: 'MSc Economics', startYear: 2005, endYear: 2007 }],
};

describeEachEngine('profile', (get) => {
  it('saves every field, returns it on /me and on the public profile, and scores strength', async () => {
    const { app } = get();
    const jon = await signUp(app, 'Jon');
    const res = await jon.call('PATCH', '/api/v1/me/profile', fullProfile);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.birthYear).toBe(1984);
    expect(me.profile).toMatchObject({
      name: 'Jonathan Smith',
      headline: 'Product lead for payments',
      careerStage: 'senior',
      skills: fullProfile.skills,
      offers: fullProfile.offers,
      asks: fullProfile.asks,
    });
    expect(me.profile.experience[0]).toMatchObject({ organisation: { name: 'Acme Payments' }, startDate: '2021-03', endDate: null });
    expect(me.profile.education[0]).toMatchObject({ school: { name: 'Universidade de Lisboa' }, endYear: 2007 });
    // Everything but the photo is there: Advanced, and the next suggestion is the photo.
    expect(me.strength).toMatchObject({ level: 'Advanced', next: { field: 'photo', code: 'strength.photo', params: {}, text: 'Add a profile photo' } });

    const viewer = await signUp(app, 'Viewer');
    const view = await viewer.call('GET', `/api/v1/members/${jon.handle}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ limited: false, degree: null, mutualCount: 0, connection: 'none', headline: fullProfile.headline });
    // The year of birth is private: it never appears on anyone else's view.
    expect(view.body).not.toContain('1984');
  });

  it('replaces lists whole and keeps other fields when patching one field', async () => {
    const { app } = get();
    const m = await signUp(app, 'List Replacer');
    await m.call('PATCH', '/api/v1/me/profile', fullProfile);
    const res = await m.call('PATCH', '/api/v1/me/profile', { skills: ['Negotiation'], headline: 'New headline' });
    expect(res.json().profile.skills).toEqual(['Negotiation']);
    expect(res.json().profile.experience).toHaveLength(2);
    expect(res.json().profile.about).toBe(fullProfile.about);
  });

  it('matches organisations ignoring case, accents and spacing', async () => {
    const { app } = get();
    const a = await signUp(app, 'Org A');
    const b = await signUp(app, 'Org B');
    const exp = (organisation: string) => [{ organisation, title: 'Engineer', startDate: '2020-01' }];
    const ra = await a.call('PATCH', '/api/v1/me/profile', { experience: exp('Société  Générale') });
    const rb = await b.call('PATCH', '/api/v1/me/profile', { experience: exp('societe generale') });
    const orgA = ra.json().profile.experience[0].organisation;
    const orgB = rb.json().profile.experience[0].organisation;
    expect(orgB.id).toBe(orgA.id);
    const suggest = await a.call('GET', '/api/v1/organisations?q=soci');
    expect(suggest.json().items[0]).toMatchObject({ id: orgA.id, name: 'Société Générale', memberCount: 2 });
    const page = await a.call('GET', `/api/v1/organisations/${orgA.slug}`);
    expect(page.json()).toMatchObject({ currentCount: 2, pastCount: 0 });
    const current = await a.call('GET', `/api/v1/organisations/${orgA.slug}/members?when=current`);
    expect(current.json().items.map((i: { handle: string }) => i.handle).sort()).toEqual([a.handle, b.handle].sort());
  });

  it('lists past and current members of an organisation with cursor pagination', async () => {
    const { app } = get();
    const people = await Promise.all([1, 2, 3].map((i) => signUp(app, `Alum ${i}`)));
    for (const p of people) {
      await p.call('PATCH', '/api/v1/me/profile', {
        experience: [{ organisation: 'Initech Alumni Test', title: 'Analyst', startDate: '2010-01', endDate: '2012-01' }],
      });
    }
    const [first] = people;
    const slug = (await first!.call('GET', '/api/v1/organisations?q=initech alumni')).json().items[0].slug;
    const page1 = (await first!.call('GET', `/api/v1/organisations/${slug}/members?when=past&limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (await first!.call('GET', `/api/v1/organisations/${slug}/members?when=past&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect((await first!.call('GET', `/api/v1/organisations/${slug}/members?when=current`)).json().items).toEqual([]);
  });

  it('limits a network-only profile to name and headline for others', async () => {
    const { app } = get();
    const private_ = await signUp(app, 'Private Person');
    await private_.call('PATCH', '/api/v1/me/profile', { ...fullProfile, name: 'Private Person', visibility: 'network' });
    const other = await signUp(app, 'Curious');
    const view = (await other.call('GET', `/api/v1/members/${private_.handle}`)).json();
    expect(view.limited).toBe(true);
    expect(view.headline).toBe(fullProfile.headline);
    expect(view.experience).toBeUndefined();
    expect(view.about).toBeUndefined();
    // And search cannot be used to learn the hidden employer or skills.
    const bySkill = (await other.call('GET', '/api/v1/search/members?q=payments roadmapping')).json();
    expect(bySkill.items.map((i: { handle: string }) => i.handle)).not.toContain(private_.handle);
    const self = (await private_.call('GET', `/api/v1/members/${private_.handle}`)).json();
    expect(self).toMatchObject({ limited: false, connection: 'self' });
  });

  it('uploads a photo checked by content, resizes it to WebP, and serves it', async () => {
    const { app } = get();
    const m = await signUp(app, 'Photo Owner');
    const { payload, contentType } = multipart('photo', 'me.png', 'image/png', await png(900, 600));
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/photo',
      headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBe(200);
    const url = res.json().profile.photoUrl as string;
    expect(url).toMatch(new RegExp(`^/api/v1/members/${m.handle}/photo\\?v=`));
    const photo = await m.call('GET', url);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/webp');
    const meta = await sharp(photo.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
    expect((await m.call('DELETE', '/api/v1/me/photo')).json().profile.photoUrl).toBeNull();
  });

  it('rejects a non-image disguised as a PNG with 415', async () => {
    const { app } = get();
    const m = await signUp(app, 'Disguise');
    const { payload, contentType } = multipart('photo', 'evil.png', 'image/png', Buffer.from('<script>alert(1)</script>'));
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/photo',
      headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });
  it("keeps the member's language: none until chosen, 'en' or 'it', back to none; anything else is a 400", async () => {
    const { app } = get();
    const m = await signUp(app, 'Polyglot');
    expect((await m.call('GET', '/api/v1/me')).json().locale).toBeNull();
    const chosen = await m.call('PATCH', '/api/v1/me/profile', { locale: 'it' });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().locale).toBe('it');
    expect((await m.call('PATCH', '/api/v1/me/profile', { headline: 'Interprete' })).json().locale).toBe('it');
    expect((await m.call('GET', '/api/v1/me')).json().locale).toBe('it');
    for (const bad of ['fr', 'it-IT', 'IT', '', 42]) {
      const res = await m.call('PATCH', '/api/v1/me/profile', { locale: bad });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await m.call('PATCH', '/api/v1/me/profile', { locale: null })).json().locale).toBeNull();
  });

  it('lets a member share their age band with gardens: off until turned on, on and off again; the year stays private', async () => {
    const { app } = get();
    const [owner, sharer] = await members(app, ['Garden Owner', 'Age Sharer']);
    await connect(owner!, sharer!);
    const ageBand = async () => {
      const res = await owner!.call('GET', '/api/v1/me/garden?dimension=ageBand');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ dimensions: { known: number; counts: { value: string | null }[] }[] }>().dimensions[0]!;
    };
    expect((await sharer!.call('PATCH', '/api/v1/me/profile', { birthYear: 1984 })).json().ageBandShared).toBe(false);
    expect((await sharer!.call('GET', '/api/v1/me')).json().ageBandShared).toBe(false);
    expect((await ageBand()).known).toBe(0);

    const on = await sharer!.call('PATCH', '/api/v1/me/profile', { ageBandShared: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ ageBandShared: true, birthYear: 1984 });
    expect((await sharer!.call('PATCH', '/api/v1/me/profile', { headline: 'Still sharing' })).json().ageBandShared).toBe(true);
    // The owner's cached garden hears the change at once, and shows a band, never the year.
    const shared = await ageBand();
    expect(shared.known).toBe(1);
    expect(JSON.stringify(shared)).not.toContain('1984');

    for (const bad of ['yes', 1, null]) {
      const res = await sharer!.call('PATCH', '/api/v1/me/profile', { ageBandShared: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await sharer!.call('PATCH', '/api/v1/me/profile', { ageBandShared: false })).json().ageBandShared).toBe(false);
    expect((await ageBand()).known).toBe(0);
  });
});
