import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { seedMember } from './fixtures/network-api.ts';
import { startingWith } from './fixtures/pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

/** The join link of the invitation emailed to an address, from the outbox. */
async function emailedLink(to: string): Promise<string> {
  const [mail] = await rows<{ text: string }>(e2e.server.app.ctx.db, sql`SELECT text_body AS text FROM email_outbox WHERE to_address = ${to}`);
  const path = /https?:\/\/[^/\s]+(\/join\?token=ei_[\w-]{32})/.exec(mail?.text ?? '')?.[1];
  expect(path, mail?.text).toBeDefined();
  return path!;
}

async function inviteFromNetwork(page: import('playwright-core').Page, email: string, note: string) {
  await page.goto('/network');
  await page.getByRole('button', { name: t('join:invite.open') }).click();
  const dialog = page.getByRole('dialog', { name: t('join:invite.title') });
  await dialog.getByRole('textbox', { name: startingWith(t('join:invite.email')) }).fill(email);
  await dialog.getByRole('textbox', { name: startingWith(t('join:invite.note')) }).fill(note);
  await expectAccessible(page, 'the invite-by-email dialog');
  await dialog.getByRole('button', { name: t('join:invite.send') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('invitations to join by email', () => {
  it('a member invites a friend with a note; the friend opens the email’s link, signs up and lands on their inviter’s profile', async () => {
    const ana = await seedMember(e2e.server.app, 'Ana Joiner');
    const page = await e2e.signedIn(ana);
    await inviteFromNetwork(page, 'gio.friend@example.net', 'Come and meet the Turin group');

    const visitor = await (await newMemberContext(e2e.browser, e2e.server.baseUrl)).newPage();
    await visitor.goto(await emailedLink('gio.friend@example.net'));
    await visitor.getByText(ana.name, { exact: false }).first().waitFor();
    await expectAccessible(visitor, 'the invitation landing page');
    await visitor.getByRole('link', { name: t('join:landing.signUp') }).click();
    await visitor.getByLabel(t('auth:signUp.fullName')).fill('Gio Friend');
    await visitor.getByLabel(t('auth:signUp.email')).fill('gio.friend@example.net');
    await visitor.getByLabel(startingWith(t('auth:signUp.password'))).fill('a sufficiently long one');
    await visitor.getByRole('button', { name: t('auth:signUp.submit') }).click();
    await visitor.waitForURL(`**/in/${ana.handle}`);
    await visitor.getByRole('heading', { level: 1, name: ana.name }).waitFor();
    const [sent] = await rows<{ status: string }>(e2e.server.app.ctx.db, sql`SELECT status FROM email_invitations WHERE member_id = ${ana.id}`);
    expect(sent?.status).toBe('joined');
  });

  it('the reader of an invitation stops all further invitations to their address, and the next sender is told why', async () => {
    const bo = await seedMember(e2e.server.app, 'Bo Joiner');
    const page = await e2e.signedIn(bo);
    await inviteFromNetwork(page, 'no.thanks@example.net', 'We would love to have you');

    const visitor = await (await newMemberContext(e2e.browser, e2e.server.baseUrl)).newPage();
    await visitor.goto((await emailedLink('no.thanks@example.net')).replace('/join?', '/join/no-more?'));
    await visitor.getByRole('button', { name: t('join:noMore.confirm') }).click();
    await visitor.getByRole('status').getByText(t('join:noMore.done')).waitFor();
    await expectAccessible(visitor, 'the no-more-invitations page');

    const cy = await seedMember(e2e.server.app, 'Cy Joiner');
    const other = await e2e.signedIn(cy);
    await other.goto('/network');
    await other.getByRole('button', { name: t('join:invite.open') }).click();
    const dialog = other.getByRole('dialog', { name: t('join:invite.title') });
    await dialog.getByRole('textbox', { name: startingWith(t('join:invite.email')) }).fill('no.thanks@example.net');
    await dialog.getByRole('textbox', { name: startingWith(t('join:invite.note')) }).fill('Join us');
    await dialog.getByRole('button', { name: t('join:invite.send') }).click();
    await dialog.getByRole('alert').getByText(t('errors:email_opted_out')).waitFor();
  });
});
