import type { Locale } from '../../common/locales.ts';
import type { NotificationKind } from '../../common/schemas/notifications.ts';
import { EMAIL_TOKEN_TTL_MS } from '../commands/auth/email-tokens.ts';
import { type EmailTexts, emailTexts } from '../i18n/i18n.ts';

/** Plain-text first: every email reads well without HTML; the HTML part escapes everything it interpolates. */
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The texts come from server/i18n in the recipient's language (server/http/locale.ts chose it). */
function layout({ subject, greeting, body, action, footer }: EmailTexts, link: string) {
  return {
    subject,
    text: `${greeting}\n\n${body}\n\n${link}\n\n${footer}\n`,
    html:
      `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>` +
      `<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p><p style="color:#666">${escapeHtml(footer)}</p>`,
  };
}

const VERIFY_LINK_HOURS = EMAIL_TOKEN_TTL_MS.verify_email / 3_600_000;
const RESET_LINK_HOURS = EMAIL_TOKEN_TTL_MS.reset_password / 3_600_000;

export function verifyEmailMessage(locale: Locale, name: string, link: string) {
  return layout(emailTexts(locale, 'verify', { name, hours: VERIFY_LINK_HOURS }), link);
}

export function resetPasswordMessage(locale: Locale, name: string, link: string) {
  return layout(emailTexts(locale, 'resetPassword', { name, hours: RESET_LINK_HOURS }), link);
}

/**
 * To the owner of an address someone tried to sign up with: the sign-up was refused, and this tells the
 * owner it happened (a forgotten account, or someone probing which addresses have one).
 */
export function signupAttemptMessage(locale: Locale, name: string, signInLink: string) {
  return layout(emailTexts(locale, 'signupAttempt', { name }), signInLink);
}

/**
 * To a member who asked to delete their account: when it happens and how to cancel (the link opens
 * Settings, where the card and the banner offer "Keep my account"). `date` is already in the member's language.
 */
export function deletionScheduledMessage(locale: Locale, name: string, date: string, settingsLink: string) {
  return layout(emailTexts(locale, 'deletionScheduled', { name, date }), settingsLink);
}

/**
 * A notification by email: who did what, a link to it, and in the footer the one-click unsubscribe link of
 * its kind (also sent as List-Unsubscribe, so mail clients offer their own button).
 */
export function notificationMessage(
  locale: Locale,
  kind: NotificationKind,
  values: { name: string; actor: string; people: string },
  link: string,
  unsubscribeLink: string,
) {
  return layout(emailTexts(locale, kind, { ...values, unsubscribe: unsubscribeLink }), link);
}

/**
 * To an address that is not a member's: a member invites its owner to join, with their note. The footer's
 * link (also the List-Unsubscribe header) stops every further invitation to the address.
 */
export function emailInvitationMessage(locale: Locale, values: { inviter: string; name: string | null; note: string }, joinLink: string, optOutLink: string) {
  return layout(emailTexts(locale, 'emailInvitation', { inviter: values.inviter, hasName: values.name ? 'yes' : 'no', name: values.name ?? '', note: values.note, optOut: optOutLink }), joinLink);
}
