import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { SignInPage } from './fixtures/network-pages.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { MemberProfile } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t, type WebKey } from './fixtures/words.ts';

const e2e = browserSuite();
/** A message as the page shows it: the <bdi> around names is markup, not text. */
const shown = (key: WebKey, params: Record<string, unknown> = {}) => t(key, params).replace(/<\/?bdi>/g, '');

describe('introductions in the browser', () => {
  it('A asks B for an introduction to C → B forwards with a note → C accepts → the three-way conversation opens → A and C connect, introduced by B', async () => {
    const [ana, ben, cleo] = (await Promise.all(['Ana Asker', 'Ben Bridge', 'Cleo Target'].map((name) => seedMember(e2e.server.app, name)))) as [
      SeededMember,
      SeededMember,
      SeededMember,
    ];
    await connectViaApi(ana, ben);
    await connectViaApi(ben, cleo);
    const blurb = 'I run a small solar co-op and would love ten minutes of advice on grid contracts.';
    const note = 'Ana is great: worth your time.';

    // A, on C's profile (2nd degree through B): the dialog lists the path as people; a blurb with its counter.
    const pageA = await e2e.signedIn(ana);
    const profile = new MemberProfile(pageA);
    await profile.open(cleo.handle, cleo.name);
    await profile.howConnected().getByRole('button', { name: shown('introductions:ask.button') }).click();
    const dialog = pageA.getByRole('dialog', { name: shown('introductions:ask.title', { name: cleo.name }) });
    await dialog.waitFor();
    await expect(dialog.getByRole('radio', { name: shown('introductions:ask.through', { names: ben.name }) }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('textbox', { name: shown('introductions:ask.blurb') }).fill(blurb);
    await dialog.getByText(shown('introductions:actions.length', { length: blurb.length, max: 1000 })).waitFor();
    await expectAccessible(pageA, 'the "Ask for an introduction" dialog');
    await dialog.getByRole('button', { name: shown('introductions:ask.send') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await pageA.goto('/introductions');
    const askedList = pageA.getByRole('list', { name: shown('introductions:lists.asked') });
    await askedList.getByText(shown('introductions:headline.requester', { target: cleo.name })).waitFor();
    await askedList.getByText(shown('introductions:step.waiting', { name: ben.name })).waitFor();
    await expectAccessible(pageA, '/introductions, asked');

    // C sees nothing yet.
    const pageC = await e2e.signedIn(cleo);
    await pageC.goto('/introductions?box=received');
    await pageC.getByText(shown('introductions:empty.received.title')).waitFor();

    // B forwards with a note.
    const pageB = await e2e.signedIn(ben);
    await pageB.goto('/introductions?box=to-forward');
    const toForward = pageB.getByRole('list', { name: shown('introductions:lists.to-forward') });
    await toForward.getByText(blurb).waitFor();
    await expectAccessible(pageB, '/introductions, to forward');
    await toForward.getByRole('button', { name: shown('introductions:actions.forward'), exact: true }).click();
    await toForward.getByRole('textbox', { name: shown('introductions:actions.forwardNote', { name: cleo.name }) }).fill(note);
    await expectAccessible(pageB, 'forwarding an introduction with a note');
    await toForward.getByRole('button', { name: shown('introductions:actions.forwardTo', { name: cleo.name }) }).click();
    await toForward.getByText(shown('introductions:step.forwarded', { name: ben.name })).waitFor();

    // C sees who asks, through whom and why, and accepts; the conversation opens with all three.
    await pageC.reload();
    const received = pageC.getByRole('list', { name: shown('introductions:lists.received') });
    await received.getByText(blurb).waitFor();
    await received.getByText(note, { exact: false }).waitFor();
    await expectAccessible(pageC, '/introductions, received');
    await received.getByRole('button', { name: shown('introductions:actions.accept') }).click();
    const open = received.getByRole('link', { name: shown('introductions:actions.openConversation') });
    await open.waitFor();
    await open.click();
    await pageC.waitForURL(/\/messages\/\d+$/);
    await pageC.getByText(blurb).waitFor();
    const conversationId = Number(new URL(pageC.url()).pathname.split('/').pop());
    const inIt = await rows<{ memberId: number }>(e2e.server.app.ctx.db, sql`SELECT member_id AS "memberId" FROM conversation_members WHERE conversation_id = ${conversationId} ORDER BY member_id`);
    expect(inIt.map((r) => r.memberId)).toEqual([ana.id, ben.id, cleo.id].sort((x, y) => x - y));

    // A invites C, C accepts: their connection's origin is the introduction, and its path names B.
    const sent = await ana.call('POST', '/api/v1/invitations', { to: cleo.handle, note: '', context: 'profile' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await cleo.call('POST', `/api/v1/invitations/${sent.json<{ invitation: { id: number } }>().invitation.id}/accept`)).statusCode).toBe(200);
    const [origin] = await rows<{ context: string; introducers: number[] }>(
      e2e.server.app.ctx.db,
      sql`SELECT c.origin_context AS context, i.path AS introducers
            FROM connections c JOIN invitations v ON v.id = c.invitation_id JOIN introductions i ON i.id = v.introduction_id
           WHERE c.member_id = ${ana.id} AND c.other_id = ${cleo.id}`,
    );
    expect(origin).toEqual({ context: 'introduction', introducers: [ben.id] });

    // A's private card for C reads "introduced by B"; the ledgers keep the introduction: received by A, given by B.
    await profile.open(cleo.handle, cleo.name);
    const card = pageA.getByRole('region', { name: shown('relationships:panel.title') });
    await card.getByText(shown('relationships:howWeMet.via', { name: ben.name })).waitFor();
    await pageA.goto('/ledger');
    const people = pageA.getByRole('list', { name: shown('relationships:ledger.people') });
    await people.getByRole('link', { name: ben.name }).waitFor();
    await people.getByText(shown('relationships:ledger.count', { side: shown('relationships:ledger.sides.received'), n: 1 })).waitFor();
    await expectAccessible(pageA, '/ledger with an introduction received');
    const given = (await ben.call('GET', `/api/v1/members/${ana.handle}/ledger`)).json<{ given: number; asked_by: number; bySubject: { subject: string }[] }>();
    expect(given).toMatchObject({ given: 1, asked_by: 1, bySubject: [{ subject: 'introduction' }] });
    expect((await ben.call('GET', `/api/v1/members/${cleo.handle}/ledger`)).json()).toMatchObject({ given: 1 });
    expect((await ana.call('GET', `/api/v1/members/${ben.handle}/ledger`)).json()).toMatchObject({ received: 1, asked: 1, balance: -1 });

    // On a phone, the page fits and its tabs and actions are reachable without sideways scrolling.
    const context = await newMemberContext(e2e.browser, e2e.server.baseUrl, { width: 390 });
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await new SignInPage(phone).signIn(ben);
    await phone.goto('/introductions?box=to-forward');
    await phone.getByRole('list', { name: shown('introductions:lists.to-forward') }).getByText(blurb).waitFor();
    await expectNoSidewaysScroll(phone, '/introductions on a phone');
    await expectAccessible(phone, '/introductions on a phone');
  });
});
