import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { email, password, requiredLine } from './primitives.ts';
import { locale } from './locale.ts';

export const signupBody = z.strictObject({
  email,
  password,
  name: requiredLine(LIMITS.nameMax),
  /** The language the sign-up page was shown in; becomes the member's setting. Optional: absent, none is stored. */
  locale: locale.optional(),
});
export type SignupBody = z.infer<typeof signupBody>;

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof loginBody>;

export const createTokenWithPasswordBody = z.strictObject({
  email,
  password: z.string().min(1).max(LIMITS.passwordMax),
  name: requiredLine(LIMITS.tokenNameMax),
});

export const createTokenBody = z.strictObject({ name: requiredLine(LIMITS.tokenNameMax) });

export const tokenCreated = z.object({
  token: z.string(),
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
});

export const accessTokenView = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type AccessTokenView = z.infer<typeof accessTokenView>;

export const emailTokenBody = z.strictObject({ token: z.string().min(10).max(200) });
export const requestResetBody = z.strictObject({ email });
export const confirmResetBody = z.strictObject({ token: z.string().min(10).max(200), password });
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: password,
  /**
   * Sign out everywhere else: end every other session and revoke every personal access token (except the
   * token making this request). On by default, since a password is usually changed because it may be known.
   */
  endOtherSessions: z.boolean().default(true),
});
export type ChangePasswordBody = z.input<typeof changePasswordBody>;
