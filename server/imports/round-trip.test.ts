/**
 * Issue 14's round trip: a member's export, taken before they delete their account, imported into a fresh
 * instance restores their profile (as a draft they save), their notes and tags, and their people: each
 * connection and each imported contact comes back as a contact, with the notes and tags kept on them.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { rows } from '../db/connection.ts';
import { connect } from '../routes/network/network-test-helpers.ts';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine, openTestDatabase, type TestApp } from '../test/engines.ts';
import { multipart } from '../test/uploads.ts';
import { eraPath } from './parse/fixtures/build-archive.ts';

type Contact = { id: number; name: string; source: string; tags: { name: string; colour: string }[]; notesCount: number };

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** A second, empty instance on the same engine: a new database, a new app. */
async function freshInstance(engine: TestApp['engine']): Promise<TestApp> {
  const opened = await openTestDatabase(engine);
  const app = await buildApp(opened.config, { database: opened.database, background: false });
  closers.push(async () => {
    await app.close();
    await opened.drop();
  });
  return { app, database: opened.database, config: opened.config, engine };
}

async function upload(instance: TestApp, m: Member, name: string, type: string, content: Buffer) {
  const { payload, contentType } = multipart('file', name, type, content);
  const started = await instance.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': contentType }, payload });
  expect(started.statusCode, started.body).toBe(202);
  const { id } = started.json<{ id: number }>();
  for (let i = 0; i < 100; i++) {
    await instance.app.ctx.jobs.kick();
    const view = (await m.call('GET', `/api/v1/imports/${id}`)).json<{ status: string; report: unknown }>();
    if (view.status === 'done' || view.status === 'failed') {
      expect(view.status, JSON.stringify(view.report)).toBe('done');
      return id;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const jobs = await rows(instance.database.db, sql`SELECT status, attempts, last_error FROM jobs WHERE kind = 'imports.run'`);
  throw new Error(`import never finished: ${JSON.stringify(jobs)}`);
}

const contactsOf = async (m: Member) => (await m.call('GET', '/api/v1/contacts')).json<{ items: Contact[] }>().items;

describeEachEngine('export → delete → import into a new instance', (get) => {
  it('restores the profile, the notes and tags on connections and contacts, and the people as contacts', async () => {
    const a = get();
    const ana = await signUp(a.app, 'Ana Roundtrip', 'ana.roundtrip@example.org');
    const saved = await ana.call('PATCH', '/api/v1/me/profile', {
      headline: 'Cartographer of small harbours',
      skills: ['Surveying'],
      experience: [{ organisation: 'Harbour Maps', title: 'Lead surveyor', startDate: '2020-03' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const bo = await signUp(a.app, 'Bo Roundtrip');
    await connect(ana, bo);
    const tag = (await ana.call('POST', '/api/v1/relationship-tags', { name: 'Investors', colour: 'grape' })).json<{ id: number }>();
    expect((await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { tags: [tag.id] })).statusCode).toBe(200);
    expect((await ana.call('POST', `/api/v1/members/${bo.handle}/notes`, { text: 'Met Bo at the Lisbon harbour fair' })).statusCode).toBe(201);

    // A contact from an address book, with a note and the same tag.
    await upload(a, ana, 'contacts.vcf', 'text/vcard', await readFile(`${eraPath('contacts')}/contacts-v4.vcf`));
    const [someone] = await contactsOf(ana);
    expect(someone).toBeDefined();
    expect((await ana.call('POST', `/api/v1/contacts/${someone!.id}/notes`, { text: 'Owes me a coffee' })).statusCode).toBe(201);
    expect((await ana.call('PUT', `/api/v1/contacts/${someone!.id}/tags`, { tagIds: [tag.id] })).statusCode).toBe(204);

    // Export, then delete the account.
    const exported = (await ana.call('POST', '/api/v1/exports')).json<{ id: number }>();
    let url: string | null = null;
    for (let i = 0; i < 100 && !url; i++) {
      await a.app.ctx.jobs.kick();
      url = (await ana.call('GET', `/api/v1/exports/${exported.id}`)).json<{ url: string | null }>().url;
    }
    expect(url).not.toBeNull();
    const zip = (await ana.call('GET', url!)).rawPayload;
    expect((await ana.call('DELETE', '/api/v1/me')).statusCode).toBe(202);

    // A new instance: the same person signs up and imports the export.
    const b = await freshInstance(a.engine);
    const again = await signUp(b.app, 'Ana Roundtrip', 'ana.roundtrip@example.org');
    const importId = await upload(b, again, 'rapport-export.zip', 'application/zip', zip);

    const draft = (await again.call('GET', `/api/v1/imports/${importId}/profile-draft`)).json<{ draft: { profile: { headline?: string }; positions: { organisation: string }[]; skills: string[] } }>();
    expect(draft.draft.profile.headline).toBe('Cartographer of small harbours');
    expect(draft.draft.positions.map((p) => p.organisation)).toContain('Harbour Maps');
    expect(draft.draft.skills).toContain('Surveying');

    const people = await contactsOf(again);
    const boBack = people.find((c) => c.name === 'Bo Roundtrip');
    expect(boBack, JSON.stringify(people)).toMatchObject({ source: 'rapport', tags: [{ name: 'Investors', colour: 'grape' }], notesCount: 1 });
    const notes = (await again.call('GET', `/api/v1/contacts/${boBack!.id}/notes`)).json<{ items: { text: string }[] }>().items;
    expect(notes.map((n) => n.text)).toEqual(['Met Bo at the Lisbon harbour fair']);
    const contactBack = people.find((c) => c.name === someone!.name);
    expect(contactBack, JSON.stringify(people)).toMatchObject({ tags: [{ name: 'Investors' }], notesCount: 1 });
    expect(people).toHaveLength((await rows(a.database.db, sql`SELECT 1 FROM contacts WHERE member_id = ${ana.id}`)).length + 1);

    // Importing the same export again adds nothing.
    await upload(b, again, 'rapport-export.zip', 'application/zip', zip);
    expect(await contactsOf(again)).toHaveLength(people.length);
  }, 120_000);
});
