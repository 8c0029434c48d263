import { describe, expect, it } from 'vitest';
import { isFocused } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { focusInside, focusedElement, tabTo } from './fixtures/keyboard.ts';
import { type SeededMember, seedMember } from './fixtures/network-api.ts';
import { InvitationsPage } from './fixtures/screening-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message as the reader sees it: <Trans> placeholders (<bdi>) are elements, not text. */
const shown = (message: string) => message.replace(/<\/?[A-Za-z0-9_-]+\s*\/?>/g, '');
/** Waits until the focused element's accessible label (aria-label) is `label`. */
const focusLabelled = (page: import('playwright-core').Page, label: string) =>
  page.waitForFunction((expected) => document.activeElement?.getAttribute('aria-label') === expected, label);
/** Waits until the focused element's text is `text`. */
const focusReading = (page: import('playwright-core').Page, text: string, options: { timeout?: number } = {}) =>
  page.waitForFunction((expected) => document.activeElement?.textContent === expected, text, options);

async function invitedBy(recipient: SeededMember, names: string[]): Promise<SeededMember[]> {
  const senders: SeededMember[] = [];
  for (const name of names) {
    const sender = await seedMember(e2e.server.app, name);
    const sent = await sender.call('POST', '/api/v1/invitations', { to: recipient.handle, note: `Hello from ${name}`, context: 'search' });
    expect(sent.statusCode, sent.body).toBe(201);
    senders.push(sender);
  }
  return senders;
}

describe('answering invitations with the keyboard alone', () => {
  it('Ignore then Accept, by Tab and Enter: focus moves to the next invitation, then to the answered one, then to the status line, never to the page body', async () => {
    const kim = await seedMember(e2e.server.app, 'Kim Keyboard');
    // Newest first: Mo's card comes before Lee's.
    await invitedBy(kim, ['Lee Older', 'Mo Newer']);
    const page = await e2e.signedIn(kim);
    const invitations = new InvitationsPage(page);
    await invitations.open();
    const list = invitations.list('inbox');
    // The list's own items (between them are dividers, hidden from assistive technology).
    const cards = list.locator(':scope > li:not([aria-hidden])');
    await cards.nth(1).waitFor();
    // The status line above the list, whatever it says: how many wait (2, 1, 0), or that none does.
    const statusTexts = [...[0, 1, 2].map((count) => t('network:received.waiting', { count })), t('network:received.noneWaiting')];
    const status = page.getByRole('status').filter({ hasText: new RegExp(statusTexts.map(escapeRegExp).join('|')) });
    await status.getByText(t('network:received.waiting', { count: 2 })).waitFor();

    // Tab to Mo's Accept, one more Tab to Ignore, Enter.
    await tabTo(page, list.getByRole('button', { name: t('network:invitation.acceptLabel', { name: 'Mo Newer' }) }));
    await page.keyboard.press('Tab');
    expect(await isFocused(list.getByRole('button', { name: t('network:invitation.ignoreLabel', { name: 'Mo Newer' }) }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(t('network:invitation.done.ignore')).waitFor();
    // Focus is on the next invitation's first action, inside the list…
    const leeAccept = list.getByRole('button', { name: t('network:invitation.acceptLabel', { name: 'Lee Older' }) });
    await focusLabelled(page, t('network:invitation.acceptLabel', { name: 'Lee Older' }));
    expect(await focusInside(list), await focusedElement(page)).toBe(true);
    expect(await isFocused(leeAccept)).toBe(true);
    // …and Mo's card is still where it was, as one line, so nothing moved under the pointer either.
    expect(await cards.count()).toBe(2);
    await cards.first().getByText(t('network:answered.ignore', { name: 'Mo Newer' })).waitFor();

    // Enter again accepts Lee: nothing is left waiting, so focus goes to Lee's answered line, still in the list.
    await page.keyboard.press('Enter');
    await page.getByText(shown(t('network:invitation.done.accept', { name: 'Lee Older' }))).waitFor();
    const leeDone = list.getByText(t('network:answered.accept', { name: 'Lee Older' }));
    await leeDone.waitFor();
    await focusReading(page, t('network:answered.accept', { name: 'Lee Older' }));
    expect(await focusInside(list), await focusedElement(page)).toBe(true);
    await expectAccessible(page, 'My Network: two invitations answered, kept in place');

    // When the answered lines leave, focus moves to the status line above the list, not to the body.
    await list.waitFor({ state: 'detached', timeout: 15_000 });
    await status.getByText(t('network:received.noneWaiting')).waitFor();
    expect(await isFocused(status), await focusedElement(page)).toBe(true);
    await expectAccessible(page, 'My Network: every invitation answered');
    await page.context().close();
  });

  it('“I don’t know this person” by keyboard: the dialog opens on Cancel, confirming focuses Undo, and Undo brings the card back with focus on Accept', async () => {
    const una = await seedMember(e2e.server.app, 'Una Undo');
    const [stranger] = await invitedBy(una, ['Sly Stranger']);
    const page = await e2e.signedIn(una);
    const invitations = new InvitationsPage(page);
    await invitations.open();
    const list = invitations.list('inbox');
    const card = invitations.from('inbox', 'Sly Stranger');
    await card.waitFor();

    await tabTo(page, card.getByRole('button', { name: t('network:invitation.dontKnowLabel', { name: 'Sly Stranger' }) }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t('network:invitation.confirm.title', { name: 'Sly Stranger' }) });
    await dialog.waitFor();
    // Cancel first, so Enter never declines by accident.
    await focusReading(page, t('common:actions.cancel'), { timeout: 5_000 }).catch(async () => {
      throw new Error(`focus is on ${await focusedElement(page)}`);
    });
    await page.keyboard.press('Tab');
    expect(await isFocused(dialog.getByRole('button', { name: t('network:invitation.confirm.action') }))).toBe(true);
    await page.keyboard.press('Enter');

    const undoLabel = t('network:answered.undoLabel', { name: 'Sly Stranger' });
    const undo = list.getByRole('button', { name: undoLabel });
    await undo.waitFor();
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, undoLabel, { timeout: 5_000 }).catch(async () => {
      throw new Error(`focus is on ${await focusedElement(page)}`);
    });
    expect(await focusInside(list), await focusedElement(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(t('network:invitation.undone', { name: 'Sly Stranger' })).waitFor();
    const accept = list.getByRole('button', { name: t('network:invitation.acceptLabel', { name: 'Sly Stranger' }) });
    await accept.waitFor();
    await focusLabelled(page, t('network:invitation.acceptLabel', { name: 'Sly Stranger' }));
    expect((await stranger!.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ status: 'pending' }]);
    await page.context().close();
  });
});
