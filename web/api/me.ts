import { ApiError, api, setCsrfToken } from './client.ts';
import type { Locale } from '../i18n/locale.ts';
import type { AccessToken, MeView, ProfilePatchInput, TokenCreated } from './types.ts';

export const meApi = {
  /** The signed-in member, or null when signed out. Keeps the CSRF token current. */
  async get(): Promise<MeView | null> {
    try {
      const me = await api<MeView>('GET', '/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw err;
    }
  },
  updateProfile: (patch: ProfilePatchInput) => api<MeView>('PATCH', '/me/profile', { body: patch }),
  /** The member's language; null goes back to the browser's. Sent on its own so it does not wait on the profile schema. */
  setLocale: (locale: Locale | null) => api<MeView>('PATCH', '/me/profile', { body: { locale } }),
  uploadPhoto: (file: File) => {
    const form = new FormData();
    form.append('photo', file);
    return api<MeView>('PUT', '/me/photo', { body: form });
  },
  removePhoto: () => api<MeView>('DELETE', '/me/photo'),
  listTokens: () => api<{ items: AccessToken[] }>('GET', '/me/tokens'),
  createToken: (name: string) => api<TokenCreated>('POST', '/me/tokens', { body: { name } }),
  revokeToken: (id: number) => api<void>('DELETE', `/me/tokens/${id}`),
};
