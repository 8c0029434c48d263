/**
 * What an export holds (unzipped and read back), that it holds nobody else's private data, and the round
 * trip: the export read by the import reader (imports/parse/rapport-export.ts) gives back the profile and one
 * contact per connection with the card's memory.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { ExportView } from '../../common/schemas/exports.ts';
import { readRapportExport } from '../imports/parse/rapport-export.ts';
import type { ImportIssue, ImportRecord } from '../imports/records.ts';
import { invite } from '../routes/network/network-test-helpers.ts';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { archiveEntries, unzipToMap } from '../test/unzip.ts';
import { EXPORT_SECTIONS } from './sections/index.ts';

describeEachEngine('a member export, unzipped', (get) => {
  let ana: Member;
  let bo: Member;
  let cy: Member;
  let zipPath: string;
  let files: Map<string, Buffer>;
  const text = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const json = <T = Record<string, unknown>[]>(name: string): T => JSON.parse(text(name)) as T;

  beforeAll(async () => {
    const app = get().app;
    ana = await signUp(app, 'Ana Roundtrip');
    bo = await signUp(app, 'Bo Contact');
    cy = await signUp(app, 'Cy Stranger');
    const ok = (res: { statusCode: number; body: string }, status = 200) => expect(res.statusCode, res.body).toBe(status);
    ok(
      await ana.call('PATCH', '/api/v1/me/profile', {
        headline: 'Engineer who exports',
        about: 'I build things.',
        location: 'Turin',
        links: [{ label: 'Site', url: 'https://ana.example.com' }],
        experience: [{ organisation: 'Acme', title: 'Engineer', startDate: '2020-03' }],
        education: [{ school: 'Politecnico', degree: 'MSc', startYear: 2015, endYear: 2017 }],
        skills: ['TypeScript'],
      }),
    );
    ok(await bo.call('PATCH', '/api/v1/me/profile', { experience: [{ organisation: 'Globex', title: 'CTO', startDate: '2019-01' }] }));
    const invitation = await invite(ana, bo, 'Met at the meetup');
    ok(await bo.call('POST', `/api/v1/invitations/${invitation}/accept`));
    await invite(cy, ana, 'Cy would like to connect');

    const tag = await ana.call('POST', '/api/v1/relationship-tags', { name: 'Turin', colour: 'teal', cadence: 'quarter' });
    ok(tag, 201);
    ok(await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { howWeMet: { text: 'Coffee at the conference' }, cadence: 'month', tags: [tag.json().id] }));
    ok(await ana.call('POST', `/api/v1/members/${bo.handle}/notes`, { text: 'Likes climbing', date: '2026-01-15' }), 201);
    // Bo's private memory of Ana is Bo's: never in Ana's export.
    ok(await bo.call('POST', `/api/v1/members/${ana.handle}/notes`, { text: 'BO PRIVATE NOTE about Ana' }), 201);
    ok(await ana.call('POST', `/api/v1/members/${bo.handle}/ledger`, { subject: 'advice', side: 'given', date: '2026-03-02' }), 201);

    const post = await ana.call('POST', '/api/v1/posts', { text: 'Exporting my data today', visibility: 'members' });
    ok(post, 201);
    ok(await bo.call('POST', `/api/v1/posts/${post.json().id}/comments`, { text: 'Nice one' }), 201);
    ok(await ana.call('POST', `/api/v1/posts/${post.json().id}/comments`, { text: 'Thanks Bo' }), 201);
    ok(await bo.call('PUT', `/api/v1/posts/${post.json().id}/reaction`, { kind: 'like' }));
    const conversation = await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'Coffee next week?' });
    ok(conversation, 201);
    ok(await bo.call('POST', `/api/v1/conversations/${conversation.json().id}/messages`, { text: 'Gladly, Tuesday?' }), 201);

    const { id } = (await ana.call('POST', '/api/v1/exports')).json<{ id: number }>();
    let view: ExportView | null = null;
    for (let i = 0; i < 100 && view?.status !== 'done'; i++) {
      await app.ctx.jobs.kick();
      view = (await ana.call('GET', `/api/v1/exports/${id}`)).json<ExportView>();
      expect(view.status).not.toBe('failed');
    }
    const download = await ana.call('GET', view!.url!);
    expect(download.statusCode).toBe(200);
    zipPath = join(await mkdtemp(join(tmpdir(), 'rapport-export-test-')), 'export.zip');
    await writeFile(zipPath, download.rawPayload);
    files = await unzipToMap(zipPath);
  }, 120_000);

  it('has a manifest listing every file it holds, and a README describing each file and column', () => {
    const manifest = json<{ format: string; version: number; member: { handle: string; name: string }; instance: string; exportedAt: string; files: { name: string; rows?: number }[] }>('manifest.json');
    expect(manifest).toMatchObject({ format: 'rapport-export', version: 1, member: { handle: ana.handle, name: 'Ana Roundtrip' } });
    expect(manifest.instance).toBe(get().config.publicUrl);
    const listed = manifest.files.map((f) => f.name);
    expect([...files.keys()].sort()).toEqual(['manifest.json', ...listed].sort());
    const readme = text('README.md');
    for (const name of listed) expect(readme, name).toContain(`\`${name}\``);
    for (const section of EXPORT_SECTIONS) for (const field of Object.keys(section.fields)) expect(readme).toContain(`\`${field}\``);
    expect(manifest.files.find((f) => f.name === 'connections.csv')?.rows).toBe(1);
  });

  it('writes each table as JSON and as CSV with the columns the README names', () => {
    for (const section of EXPORT_SECTIONS) {
      if (section.kind !== 'table') continue;
      const header = text(`${section.name}.csv`).split('\r\n')[0];
      expect(header, section.name).toBe(Object.keys(section.fields).join(','));
      for (const row of json(`${section.name}.json`)) expect(Object.keys(row).sort(), section.name).toEqual(Object.keys(section.fields).sort());
    }
  });

  it('holds my profile, positions, connections with their origin, memory, content and settings', () => {
    expect(json<Record<string, unknown>>('profile.json')).toMatchObject({ handle: ana.handle, name: 'Ana Roundtrip', email: ana.email, headline: 'Engineer who exports', photo: null });
    expect(json('positions.json')).toEqual([expect.objectContaining({ organisation: 'Acme', title: 'Engineer', startDate: '2020-03-01' })]);
    expect(json('skills.json')).toEqual([{ name: 'TypeScript', endorsements: 0 }]);
    expect(json('connections.json')).toEqual([
      expect.objectContaining({ handle: bo.handle, name: 'Bo Contact', organisation: 'Globex', title: 'CTO', origin: 'profile', invitedBy: 'me', invitationNote: 'Met at the meetup', profileUrl: `${get().config.publicUrl}/in/${bo.handle}` }),
    ]);
    expect(text('connections.csv')).toContain('Met at the meetup');
    expect(json('invitations.json')).toEqual(
      expect.arrayContaining([expect.objectContaining({ direction: 'sent', handle: bo.handle, status: 'accepted' }), expect.objectContaining({ direction: 'received', handle: cy.handle, note: 'Cy would like to connect' })]),
    );
    expect(json('relationships.json')).toEqual([expect.objectContaining({ handle: bo.handle, metText: 'Coffee at the conference', cadence: 'month', tags: ['Turin'] })]);
    expect(json('notes.json')).toEqual([expect.objectContaining({ handle: bo.handle, text: 'Likes climbing', metOn: '2026-01-15' })]);
    expect(json('tags.json')).toEqual([{ name: 'Turin', colour: 'teal', cadence: 'quarter', people: 1 }]);
    expect(json('ledger.json')).toEqual(expect.arrayContaining([expect.objectContaining({ handle: bo.handle, subject: 'advice', side: 'given' })]));
    expect(json('posts.json')).toEqual([expect.objectContaining({ text: 'Exporting my data today', comments: 2 })]);
    expect(json('comments.json')).toEqual([expect.objectContaining({ text: 'Thanks Bo', postAuthor: ana.handle })]);
    expect(json('messages.json').map((m) => [m.from, m.text])).toEqual([
      [ana.handle, 'Coffee next week?'],
      [bo.handle, 'Gladly, Tuesday?'],
    ]);
    expect(json<Record<string, unknown>>('settings.json')).toMatchObject({ profile: { visibility: 'signed_in' }, screening: { mode: 'manual' } });
  });

  it('holds none of the other members\' private data: their emails, their notes about me', () => {
    for (const [name, content] of files) {
      const s = content.toString('utf8');
      expect(s, name).not.toContain(bo.email);
      expect(s, name).not.toContain(cy.email);
      expect(s, name).not.toContain('BO PRIVATE NOTE');
    }
  });

  it('reads back (round trip): my profile, and each connection as a contact with how we met, cadence, tags and notes', async () => {
    const records: ImportRecord[] = [];
    const issues: ImportIssue[] = [];
    let progress: [number, number] = [0, 0];
    await readRapportExport(await archiveEntries(zipPath), {
      record: (r) => void records.push(r),
      issue: (i) => void issues.push(i),
      progress: (done, total) => (progress = [done, total]),
    });
    expect(issues).toEqual([]);
    expect(progress[0]).toBe(progress[1]);
    expect(records.find((r) => r.kind === 'profile')).toMatchObject({ profile: { firstName: 'Ana', lastName: 'Roundtrip', headline: 'Engineer who exports', summary: 'I build things.', websites: ['https://ana.example.com'] } });
    expect(records.filter((r) => r.kind === 'position')).toEqual([expect.objectContaining({ position: expect.objectContaining({ organisation: 'Acme', title: 'Engineer', startedOn: '2020-03' }) })]);
    expect(records.filter((r) => r.kind === 'education')).toEqual([expect.objectContaining({ education: { school: 'Politecnico', degree: 'MSc', startedOn: '2015', finishedOn: '2017' } })]);
    expect(records.filter((r) => r.kind === 'skill').map((r) => r.kind === 'skill' && r.name)).toEqual(['TypeScript']);
    const contacts = records.filter((r) => r.kind === 'contact');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      source: 'rapport',
      at: { file: 'connections.json', line: 2 },
      person: { name: 'Bo Contact', firstName: 'Bo', lastName: 'Contact', emails: [], urls: [`${get().config.publicUrl}/in/${bo.handle}`], organisation: 'Globex', title: 'CTO' },
      metText: 'Coffee at the conference',
      cadence: 'month',
      tags: [{ name: 'Turin', colour: 'teal', cadence: 'quarter' }],
      notes: [{ text: 'Likes climbing', metOn: '2026-01-15' }],
    });
    expect(contacts[0]!.kind === 'contact' && contacts[0]!.person.connectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
