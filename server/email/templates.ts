/** Plain-text first: every email reads well without HTML; the HTML part escapes everything it interpolates. */
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function layout(greeting: string, body: string, link: string, action: string, footer: string) {
  return {
    text: `${greeting}\n\n${body}\n\n${link}\n\n${footer}\n`,
    html:
      `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>` +
      `<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p><p style="color:#666">${escapeHtml(footer)}</p>`,
  };
}

export function verifyEmailMessage(name: string, link: string) {
  return {
    subject: 'Confirm your email address for Rapport',
    ...layout(
      `Hi ${name},`,
      'Welcome to Rapport. Confirm your email address by opening this link (it is valid for 48 hours):',
      link,
      'Confirm my email address',
      'If you did not create this account, you can ignore this message.',
    ),
  };
}

export function resetPasswordMessage(name: string, link: string) {
  return {
    subject: 'Reset your Rapport password',
    ...layout(
      `Hi ${name},`,
      'Someone asked to reset the password of your Rapport account. Open this link to choose a new one (valid for 1 hour):',
      link,
      'Choose a new password',
      'If this was not you, ignore this message: your password stays as it is.',
    ),
  };
}

/**
 * To the owner of an address someone tried to sign up with: the sign-up was refused, and this tells the
 * owner it happened (a forgotten account, or someone probing which addresses have one).
 */
export function signupAttemptMessage(name: string, signInLink: string) {
  return {
    subject: 'Someone tried to create a Rapport account with your address',
    ...layout(
      `Hi ${name},`,
      'Someone just tried to create a new Rapport account with this email address. It already has an account (yours), so no new account was created. If it was you, sign in instead; if you forgot your password, choose "Forgot password?" on the sign-in page to reset it:',
      signInLink,
      'Sign in to Rapport',
      'If this was not you, you need not do anything: your account and password are unchanged.',
    ),
  };
}
