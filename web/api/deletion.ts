import { api } from './client.ts';
import type { AccountDeletionView } from '../../common/schemas/deletion.ts';

export const deletionKeys = { mine: ['me', 'deletion'] as const };

/** Account deletion (docs/account-deletion.md): schedule after the grace period, see when, cancel. */
export const deletionApi = {
  get: () => api<AccountDeletionView>('GET', '/me/deletion'),
  schedule: () => api<AccountDeletionView>('DELETE', '/me'),
  cancel: () => api<AccountDeletionView>('POST', '/me/cancel-deletion'),
};
