import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { buildLinkedInArchive, eraPath } from '../../imports/parse/fixtures/build-archive.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { plantArchiveMembers } from '../../test/imports-planted.ts';
import { multipart } from '../../test/uploads.ts';

describeEachEngine('member imports and contacts', (get) => {
  const db = () => get().database.db;
  const upload = (m: Member, name: string, content: Buffer, field = 'file') => {
    const { payload, contentType } = multipart(field, name, 'application/zip', content);
    return get().app.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': contentType }, payload });
  };
  const finish = async (m: Member, id: number) => {
    for (let i = 0; i < 20; i++) {
      await get().app.ctx.jobs.kick();
      const res = await m.call('GET', `/api/v1/imports/${id}`);
      if (['done', 'failed', 'needs_mapping'].includes(res.json().status)) return res.json();
      await new Promise((r) => setTimeout(r, 50));
    }
    const jobs = await rows(db(), sql`SELECT status, attempts, last_error FROM jobs WHERE kind = 'imports.run'`);
    throw new Error(`import never finished: ${JSON.stringify(jobs)}`);
  };
  const planted = (tag: string) => plantArchiveMembers(get().app, db(), tag);

  it('imports a LinkedIn archive: contacts, how we met, interactions, notes, history, profile draft; matches the planted members and no decoy; re-import adds nothing', async () => {
    const people = await planted('a');
    const marisol = await signUp(get().app, 'Marisol Quennell-Adebayo');
    const zip = join(tmpdir(), `li-2026-${process.pid}.zip`);
    await buildLinkedInArchive(eraPath('linkedin-2026'), zip);
    const bytes = await readFile(zip);
    await rm(zip, { force: true });

    const started = await upload(marisol, 'Basic_LinkedInDataExport.zip', bytes);
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<{ id: number }>();
    const done = await finish(marisol, id);
    expect(done.status, JSON.stringify(done.report)).toBe('done');
    expect(done.progress).toBe(100);
    expect(done.report.error).toBeNull();
    const connections = done.report.files.find((f: { file: string }) => f.file.endsWith('Connections.csv'));
    expect(connections.issues).toEqual(expect.arrayContaining([expect.objectContaining({ line: 13, code: 'bad_date' })]));
    expect(done.report.applied.contactsCreated).toBeGreaterThan(5);
    // The upload is deleted.
    const [stored] = await rows<{ storedPath: string | null }>(db(), sql`SELECT stored_path AS "storedPath" FROM imports WHERE id = ${id}`);
    expect(stored!.storedPath).toBeNull();

    const matches = (await marisol.call('GET', '/api/v1/contacts/matches')).json();
    const found = Object.fromEntries(matches.items.map((c: { member: { handle: string }; match: { kind: string } }) => [c.member.handle, c.match.kind]));
    expect(found).toEqual({
      [people.ottoline.handle]: 'url',
      [people.thaddeus.handle]: 'url',
      [people.perpetua.handle]: 'email',
      [people.bartholomew.handle]: 'email',
      [people.isadora.handle]: 'name_org',
      [people.casimir.handle]: 'name_org',
    });
    // Decoys: the one-n slug, Isadora at Harrowgate Mills, Casimir at Tidewater Salvage are contacts, unmatched.
    const all = (await marisol.call('GET', '/api/v1/contacts?limit=50')).json().items as { name: string; organisation: string; urls: string[]; member: unknown; connectedOn: string; lastInteractionAt: string | null; messageCount: number }[];
    const decoys = all.filter((c) => (c.name === 'Ottoline Vasquez') || (c.name === 'Isadora Fenwick-Achebe' && c.organisation === 'Harrowgate Mills') || (c.name === 'Casimir Undset' && c.organisation === 'Tidewater Salvage'));
    expect(decoys).toHaveLength(3);
    for (const d of decoys) expect(d.member).toBeNull();
    const ottolineCard = all.find((c) => c.name === 'Ottoline Vasquez-Brennan')!;
    expect(ottolineCard.connectedOn).toBe('2026-02-08');
    expect(ottolineCard.lastInteractionAt).toBe('2026-01-30T09:15:00.000Z');
    expect(ottolineCard.messageCount).toBeGreaterThan(0);
    expect(all.filter((c) => c.name === 'Ottoline Vasquez-Brennan')).toHaveLength(1);

    const history = (await marisol.call('GET', '/api/v1/imports/history')).json().items;
    expect(history.length).toBeGreaterThanOrEqual(3);
    const draft = await marisol.call('GET', `/api/v1/imports/${id}/profile-draft`);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().proposal.experience.length).toBeGreaterThan(0);

    const count = async () => (await rows<{ c: number; n: number; h: number }>(db(), sql`SELECT (SELECT count(*)::int FROM contacts WHERE member_id = ${marisol.id}) AS c, (SELECT count(*)::int FROM contact_notes WHERE member_id = ${marisol.id}) AS n, (SELECT count(*)::int FROM imported_history WHERE member_id = ${marisol.id}) AS h`))[0]!;
    const before = await count();
    expect(before.n).toBeGreaterThan(0);
    const again = await upload(marisol, 'again.zip', bytes);
    expect(again.statusCode).toBe(202);
    expect((await finish(marisol, again.json().id)).status).toBe('done');
    expect(await count()).toEqual(before);
    const ottolineAgain = (await marisol.call('GET', '/api/v1/contacts?q=Ottoline%20Vasquez-Brennan')).json().items[0];
    expect(ottolineAgain.messageCount).toBe(ottolineCard.messageCount);

    // Others never see my imports or contacts.
    const eve = await signUp(get().app, 'Eve Import');
    expect((await eve.call('GET', `/api/v1/imports/${id}`)).statusCode).toBe(404);
    expect((await eve.call('GET', '/api/v1/contacts')).json().items).toEqual([]);
    const contactId = matches.items[0].id;
    expect((await eve.call('POST', `/api/v1/contacts/${contactId}/dismiss`)).statusCode).toBe(404);
    expect((await eve.call('POST', `/api/v1/contacts/${contactId}/connect`, { note: '' })).statusCode).toBe(404);

    // Connect sends an invitation whose context is import, whatever the client says.
    const ottolineContact = matches.items.find((c: { member: { handle: string } }) => c.member.handle === people.ottoline.handle);
    const sent = await marisol.call('POST', `/api/v1/contacts/${ottolineContact.id}/connect`, { note: 'From LinkedIn' });
    expect(sent.statusCode, sent.body).toBe(201);
    const [inv] = await rows<{ context: string }>(db(), sql`SELECT context FROM invitations WHERE id = ${sent.json().invitationId}`);
    expect(inv!.context).toBe('import');
    expect((await marisol.call('POST', `/api/v1/contacts/${ottolineContact.id}/connect`, { note: '', context: 'import' })).statusCode).toBe(400);
    // Dismiss takes a match out of "are here".
    const casimirContact = matches.items.find((c: { member: { handle: string } }) => c.member.handle === people.casimir.handle);
    expect((await marisol.call('POST', `/api/v1/contacts/${casimirContact.id}/dismiss`)).statusCode).toBe(204);
    expect((await marisol.call('GET', '/api/v1/contacts/matches')).json().count).toBe(5);
  });

  it('never matches across a block, a suspended member, oneself, or a network-only profile out of reach', async () => {
    const people = await planted('b');
    const importer = await signUp(get().app, 'Importer Blocked');
    await people.ottoline.call('POST', `/api/v1/members/${importer.handle}/block`);
    await db().execute(sql`UPDATE members SET status = 'suspended' WHERE id = ${people.thaddeus.id}`);
    await db().execute(sql`UPDATE profiles SET visibility = 'network' WHERE member_id = ${people.isadora.id}`);
    await importer.call('PATCH', '/api/v1/me/profile', { links: [{ label: 'Me', url: 'https://www.linkedin.com/in/ottoline-vasquez-brenan' }] });
    const zip = join(tmpdir(), `li-2026-b-${process.pid}.zip`);
    await buildLinkedInArchive(eraPath('linkedin-2026'), zip);
    const started = await upload(importer, 'archive.zip', await readFile(zip));
    await rm(zip, { force: true });
    expect((await finish(importer, started.json().id)).status).toBe('done');
    const handles = (await importer.call('GET', '/api/v1/contacts/matches')).json().items.map((c: { member: { handle: string } }) => c.member.handle);
    expect(handles).not.toContain(people.ottoline.handle);
    expect(handles).not.toContain(people.thaddeus.handle);
    expect(handles).not.toContain(people.isadora.handle);
    expect(handles).not.toContain(importer.handle);
  });

  it('fails a broken file with its code, file and line and applies nothing; refuses hostile uploads without a 5xx', async () => {
    const m = await signUp(get().app, 'Broken Upload');
    const truncated = (await readFile(join(eraPath('linkedin-2026'), 'Connections.csv'))).subarray(0, 10);
    const zipHead = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]);
    const res = await upload(m, 'cut.zip', zipHead);
    expect(res.statusCode).toBe(202);
    const failed = await finish(m, res.json().id);
    expect(failed.status).toBe('failed');
    expect(failed.report.error).toMatchObject({ code: expect.any(String), file: expect.any(String) });
    expect((await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM contacts WHERE member_id = ${m.id}`))[0]!.n).toBe(0);

    expect((await upload(m, 'x.csv', truncated, 'other')).statusCode).toBeLessThan(500);
    const noFile = await get().app.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': 'application/json' }, payload: '{}' });
    expect(noFile.statusCode).toBe(415);
    const cut = multipart('file', 'a.zip', 'application/zip', Buffer.alloc(100));
    const broken = await get().app.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': cut.contentType }, payload: cut.payload.subarray(0, 80) });
    expect(broken.statusCode).toBe(400);
    expect((await m.call('GET', '/api/v1/imports/99999999')).statusCode).toBe(404);
    expect((await m.call('GET', '/api/v1/imports/abc')).statusCode).toBe(400);
    expect((await m.call('GET', '/api/v1/contacts?cursor=%%%')).statusCode).toBeLessThan(500);
    const anon = await get().app.inject({ method: 'GET', url: '/api/v1/contacts' });
    expect(anon.statusCode).toBe(401);
  });

  it('stops a CSV of unknown shape at needs_mapping; refuses a mapping with no name column (400, still waiting); imports with a good one', async () => {
    const m = await signUp(get().app, 'Mapping Member');
    const started = await upload(m, 'unknown-shape.csv', await readFile(`${eraPath('contacts')}/unknown-shape.csv`));
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<{ id: number }>();
    const waiting = await finish(m, id);
    expect(waiting.status).toBe('needs_mapping');
    expect(waiting.mapping.headers).toEqual(['Who', 'Electronic address', 'Firm', 'Jotted down']);
    expect(waiting.mapping.proposed.name).toBeUndefined();

    const nameless = await m.call('POST', `/api/v1/imports/${id}/mapping`, { mapping: { organisation: 'Firm' } });
    expect(nameless.statusCode, nameless.body).toBe(400);
    expect(nameless.json().code).toBe('import_mapping_no_name');
    expect((await m.call('GET', `/api/v1/imports/${id}`)).json().status).toBe('needs_mapping');

    const mapped = await m.call('POST', `/api/v1/imports/${id}/mapping`, { mapping: { name: 'Who', emails: ['Electronic address'], organisation: 'Firm', note: 'Jotted down' } });
    expect(mapped.statusCode, mapped.body).toBe(202);
    expect((await finish(m, id)).status).toBe('done');
    const contacts = (await m.call('GET', '/api/v1/contacts')).json<{ items: { name: string; organisation: string; emails: string[]; source: string }[] }>().items;
    expect(contacts.map((c) => [c.name, c.organisation, c.emails, c.source]).sort()).toEqual([
      ['Leopold Ashgrove', 'Ashgrove Bindery', ['leopold.ashgrove@example.org'], 'csv'],
      ['Wendeline Marchetti-Oyelaran', 'Saltmarsh Orchards', ['wendeline@example.net'], 'csv'],
    ]);
  });

  it('connects with a matched contact who accepts invitations only from people who know their email, given the address', async () => {
    const pia = await signUp(get().app, 'Pia Picky-Contact', 'pia.picky@example.org');
    await pia.call('PATCH', '/api/v1/me/profile', { experience: [{ organisation: 'Quietwater Studio', title: 'Designer', startDate: '2021-01' }] });
    await pia.call('PUT', '/api/v1/me/screening', { mode: 'manual', whoCanInvite: 'email', rules: [], otherwise: 'inbox' });
    const m = await signUp(get().app, 'Knows Pia');
    const card = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Pia Picky-Contact\r\nORG:Quietwater Studio\r\nEND:VCARD\r\n';
    const started = await upload(m, 'pia.vcf', Buffer.from(card));
    expect((await finish(m, started.json<{ id: number }>().id)).status).toBe('done');
    const [contact] = (await m.call('GET', '/api/v1/contacts')).json<{ items: { id: number; member: { handle: string } | null }[] }>().items;
    expect(contact?.member?.handle).toBe(pia.handle);
    const refused = await m.call('POST', `/api/v1/contacts/${contact!.id}/connect`, { note: 'From my address book' });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'invitation_needs_email']);
    const sent = await m.call('POST', `/api/v1/contacts/${contact!.id}/connect`, { note: 'From my address book', email: 'pia.picky@example.org' });
    expect(sent.statusCode, sent.body).toBe(201);
    const [inv] = await rows<{ context: string }>(db(), sql`SELECT context FROM invitations WHERE id = ${sent.json().invitationId}`);
    expect(inv!.context).toBe('import');
  });

  it('answers 413 import_too_large over the configured limit', async () => {
    const m = await signUp(get().app, 'Too Large');
    const limits = get().app.ctx.config.imports.limits;
    const saved = limits.maxUploadBytes;
    limits.maxUploadBytes = 1000;
    try {
      const res = await upload(m, 'big.csv', Buffer.alloc(5000, 'a'));
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('import_too_large');
    } finally {
      limits.maxUploadBytes = saved;
    }
  });
});
