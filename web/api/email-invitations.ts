import type { z } from 'zod';
import type { emailInvitationCreate, EmailInvitationView } from '../../common/schemas/email-invitations.ts';
import { api } from './client.ts';

export type { EmailInvitationView };

interface LinkView {
  inviter: string;
  optedOut: boolean;
}

/** Invitations to join by email (docs/imports.md): sending mine, and what a link's reader can do. */
export const emailInvitationsApi = {
  send: (invitation: z.input<typeof emailInvitationCreate>) => api<EmailInvitationView>('POST', '/email-invitations', { body: invitation }),
  mine: () => api<{ items: EmailInvitationView[] }>('GET', '/email-invitations'),
  /** Who sent the link; looking changes nothing. */
  link: (token: string) => api<LinkView>('GET', '/email-invitations/no-more', { query: { token } }),
  noMore: (token: string) => api<LinkView>('POST', '/email-invitations/no-more', { query: { token }, body: {} }),
  join: (token: string) => api<{ inviter: string }>('POST', '/email-invitations/join', { body: { token } }),
};
