import type { Config } from '../config.ts';
import { type AttemptBackend, AttemptLog } from './attempt-log.ts';
import { LoginThrottle } from './login-throttle.ts';

const HOUR = 3_600_000;

/** How many emails a request from anyone can make us send to one address (or member) an hour. */
export const EMAIL_LIMITS = {
  /** Password-reset links to one address. */
  reset: 3,
  /** Confirmation links a member asks for again. */
  confirmation: 3,
  /** "Someone tried to create an account with your address" notices to one address. */
  signupNotice: 1,
} as const;

/**
 * The throttles of the authentication routes, built once per app: in memory, or on the database when
 * several processes share it (attempt-log.ts). They are keyed by what an
 * attacker would have to vary (account, client address, subnet, recipient), never by anything the
 * owner of an account alone controls.
 */
export interface AuthThrottles {
  /** Password guesses at sign-in and at token creation (server/auth/login-throttle.ts). */
  signIn: LoginThrottle;
  /** Wrong current passwords on a password change, per member and address: the same rules as sign-in. */
  passwordChange: LoginThrottle;
  /** Emails sent on an unauthenticated (or cheap) request, per recipient, an hour (EMAIL_LIMITS). */
  emails: AttemptLog;
  /** Sign-ups refused because the address had an account, per client address and subnet (config.signupProbe). */
  signupProbes: AttemptLog;
}

/** `backend`: where attempts are kept: this process's memory by default, the database when processes share one. */
export function createAuthThrottles(config: Config, backend?: AttemptBackend): AuthThrottles {
  const shared = (name: string) => (backend ? { backend, name } : {});
  return {
    signIn: new LoginThrottle(config.login.maxAttempts, config.login.windowMs, Date.now, backend && { backend, name: 'sign-in' }),
    passwordChange: new LoginThrottle(config.login.maxAttempts, config.login.windowMs, Date.now, backend && { backend, name: 'password-change' }),
    emails: new AttemptLog(HOUR, { keepPerKey: Math.max(...Object.values(EMAIL_LIMITS)), ...shared('emails') }),
    signupProbes: new AttemptLog(config.signupProbe.windowMs, {
      keepPerKey: Math.max(config.signupProbe.perAddress, config.signupProbe.perSubnet),
      ...shared('signup-probes'),
    }),
  };
}
