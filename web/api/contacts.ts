import type { z } from 'zod';
import type { contactNoteView, ContactView } from '../../common/schemas/imports.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { ContactView };
export type ContactNoteView = z.infer<typeof contactNoteView>;
export type ContactFilter = 'all' | 'matched' | 'unmatched';

const contact = (id: number) => `/contacts/${id}`;

/** My imported contacts (issue 14): private to me, each matched to a member when one is here. */
export const contactsApi = {
  list: (q: string, matched: ContactFilter, cursor?: string) =>
    api<Page<ContactView>>('GET', '/contacts', { query: { cursor, q: q || undefined, matched: matched === 'all' ? undefined : matched } }),
  notes: (id: number) => api<{ items: ContactNoteView[] }>('GET', `${contact(id)}/notes`),
  addNote: (id: number, text: string) => api<{ id: number }>('POST', `${contact(id)}/notes`, { body: { text } }),
  setTags: (id: number, tagIds: number[]) => api<null>('PUT', `${contact(id)}/tags`, { body: { tagIds } }),
  /** `email` is for members who accept invitations only from people who know their address. */
  connect: (id: number, note: string, email?: string) =>
    api<{ outcome: 'invited' | 'connected'; invitationId: number }>('POST', `${contact(id)}/connect`, { body: { note, ...(email ? { email } : {}) } }),
  dismiss: (id: number) => api<null>('POST', `${contact(id)}/dismiss`),
};
