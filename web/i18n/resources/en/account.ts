/** The password and email flows (forgot, reset, verify) and the not-found page. */
export default {
  forgot: {
    title: 'Reset your password',
    subtitle: 'We will email you a link to choose a new one.',
    email: 'Email',
    enterValidEmail: 'Enter a valid email address',
    submit: 'Send reset link',
    sentTitle: 'Check your email',
    sent: 'If an account exists for {email}, a reset link is on its way. It expires soon, so use it today.',
    backToSignIn: 'Back to sign in',
  },
  reset: {
    missingTokenTitle: 'Reset your password',
    // <a> is the link to /forgot-password.
    missingToken: 'This link is missing its token. Open the link from your email again, or <a>request a new one</a>.',
    title: 'Choose a new password',
    new: 'New password',
    repeat: 'Repeat new password',
    tooShort: 'Use at least {min} characters',
    mismatch: 'The passwords do not match',
    submit: 'Set new password',
    changedTitle: 'Password changed',
    // <a> is the link to /signin.
    changed: 'You can now <a>sign in</a> with your new password.',
  },
  verify: {
    title: 'Verify your email',
    missingToken: 'This link is missing its token. Open the link from your email again.',
    verifying: 'Verifying your email…',
    verifiedTitle: 'Email verified',
    verified: 'Thank you. Your email address is confirmed.',
    continue: 'Continue to Rapport',
    failedTitle: 'Could not verify',
    // Follows the server's explanation of the failure; <a> is the link to the home page.
    requestNew: 'You can request a new link from your <a>home page</a>.',
  },
  notFound: {
    documentTitle: 'Not found · Rapport',
    title: 'Page not found',
    emptyTitle: 'This page does not exist',
    body: 'The link may be old, or the address mistyped.',
    goHome: 'Go home',
  },
};
