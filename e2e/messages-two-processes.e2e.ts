import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/db/connection.ts';
import { openTestDatabase, serverUrl } from '../server/test/engines.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { ConversationView, MessagesLink, MessagesPage } from './fixtures/messages-pages.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import { SignInPage } from './fixtures/network-pages.ts';

/**
 * The acceptance: "a message sent through one process reaches a browser connected to another process
 * (two processes, one PostgreSQL)". Two app instances share one PostgreSQL database (a fresh schema), each
 * listening on its own port and serving the built web app, as two processes behind a proxy would: committed
 * events cross between them by LISTEN/NOTIFY (server/events/remote.ts), never through memory.
 *
 * It needs a PostgreSQL server: TEST_DATABASE_URL, which CI always sets (.ci/run), as for the server's
 * PostgreSQL-only suites (`describe.runIf(serverUrl)`). Without it, the suite is reported as skipped, and a
 * test that says why fails when CI is set, so a CI run without the server cannot pass for this one.
 */
const webDistDir = resolve(fileURLToPath(new URL('../dist/web', import.meta.url)));

it.runIf(!serverUrl)('needs a PostgreSQL server: set TEST_DATABASE_URL (locally postgres://postgres@127.0.0.1:5432/test)', () => {
  console.warn('messages-two-processes.e2e.ts: TEST_DATABASE_URL is not set, so the two-process journey did not run.');
  expect(process.env.CI, 'CI must run the two-process journey: TEST_DATABASE_URL is missing').toBeFalsy();
});

describe.runIf(serverUrl)('a message across two processes on one PostgreSQL', () => {
  let first: FastifyInstance;
  let second: FastifyInstance;
  let drop: () => Promise<void>;
  let browser: Browser;
  const base: { first: string; second: string } = { first: '', second: '' };

  beforeAll(async () => {
    if (!existsSync(resolve(webDistDir, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first (npm run test:e2e does).');
    // As the server suites' global setup does: the extension once per database, before a schema's migrations.
    const admin = new pg.Client({ connectionString: serverUrl! });
    await admin.connect();
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await admin.end();
    const opened = await openTestDatabase('postgres');
    drop = opened.drop;
    const config = { ...opened.config, webDistDir, host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1' };
    first = await buildApp(config, { database: opened.database, background: false });
    second = await buildApp(config, { database: await openDatabase(config), background: false });
    base.first = await first.listen({ port: 0, host: '127.0.0.1' });
    base.second = await second.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await second?.close();
    await first?.close();
    await drop?.();
  });

  async function signedInOn(url: string, member: SeededMember): Promise<Page> {
    const page = await (await newMemberContext(browser, url)).newPage();
    await new SignInPage(page).signIn(member);
    return page;
  }

  it('A writes through process 1 → B’s page on process 2 shows it live → B replies there → A’s page on process 1 shows the reply live', async () => {
    const ana = await seedMember(first, 'Ana Uno');
    const bruno = await seedMember(first, 'Bruno Due');
    await connectViaApi(ana, bruno);
    // Established accounts: a connection's message reaches the inbox (a new account's would wait in Requests).
    await first.ctx.db.execute(sql`UPDATE members SET created_at = now() - interval '60 days' WHERE id IN (${ana.id}, ${bruno.id})`);

    const pageB = await signedInOn(base.second, bruno);
    const messagesB = new MessagesPage(pageB);
    await messagesB.open();
    await messagesB.empty('inbox').waitFor();
    const linkB = new MessagesLink(pageB);
    await linkB.waitForCount(0);

    // A writes through the first process's API.
    const text = 'Sent through process one, read on process two.';
    const sent = await ana.call('POST', '/api/v1/conversations', { to: [bruno.handle], text });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json<{ id: number }>().id;

    // B's page, served and streamed by the second process, shows it without a reload.
    await linkB.waitForCount(1);
    await messagesB.item('inbox', ana.name).getByText(text).waitFor();
    await messagesB.item('inbox', ana.name).click();
    const withA = new ConversationView(pageB, ana.name);
    await withA.message(text).waitFor();
    expect(new URL(pageB.url()).pathname).toBe(`/messages/${id}`);

    // The other way: A's browser on the first process has the conversation open; B replies from the second.
    const pageA = await signedInOn(base.first, ana);
    await pageA.goto(`/messages/${id}`);
    const withB = new ConversationView(pageA, bruno.name);
    await withB.message(text).waitFor();
    const reply = 'Answered through process two.';
    await withA.send(reply);
    await withB.message(reply).waitFor();

    for (const page of [pageA, pageB]) await page.context().close();
  });
});
