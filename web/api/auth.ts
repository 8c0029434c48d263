import type { ChangePasswordBody } from '../../common/schemas/auth.ts';
import { api } from './client.ts';
import type { SessionStarted } from './types.ts';

export const authApi = {
  signup: (body: { email: string; password: string; name: string; locale?: string }) => api<SessionStarted>('POST', '/auth/signup', { body }),
  login: (body: { email: string; password: string }) => api<SessionStarted>('POST', '/auth/login', { body }),
  logout: () => api<void>('POST', '/auth/logout'),
  requestReset: (email: string) => api<{ ok: true }>('POST', '/auth/password-reset', { body: { email } }),
  confirmReset: (token: string, password: string) =>
    api<{ ok: true }>('POST', '/auth/password-reset/confirm', { body: { token, password } }),
  verifyEmail: (token: string) => api<{ ok: true }>('POST', '/auth/verify-email', { body: { token } }),
  resendVerification: () => api<{ ok: true }>('POST', '/auth/verify-email/resend'),
  /** Changes the password; `endOtherSessions` (default on) also signs out other sessions and revokes access tokens. */
  changePassword: (body: ChangePasswordBody) => api<SessionStarted>('PUT', '/me/password', { body }),
};
