import type { z } from 'zod';
import type {
  interactionLog,
  noteCreate,
  NoteView,
  RelationshipItem,
  RelationshipPatch,
  RelationshipView,
  tagCreate,
  TagView,
  tagUpdate,
} from '../../common/schemas/relationships.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { NoteView, RelationshipItem, RelationshipPatch, RelationshipView, TagView };

const member = (handle: string) => `/members/${encodeURIComponent(handle)}`;

/** My private relationship memory: cards, notes, tags, keep in touch (docs/relationships.md). */
export const relationshipsApi = {
  card: (handle: string) => api<RelationshipView>('GET', `${member(handle)}/relationship`),
  update: (handle: string, patch: RelationshipPatch) => api<RelationshipView>('PATCH', `${member(handle)}/relationship`, { body: patch }),
  notes: (handle: string, cursor?: string) => api<Page<NoteView>>('GET', `${member(handle)}/notes`, { query: { cursor } }),
  addNote: (handle: string, note: z.input<typeof noteCreate>) => api<NoteView>('POST', `${member(handle)}/notes`, { body: note }),
  deleteNote: (handle: string, id: number) => api<null>('DELETE', `${member(handle)}/notes/${id}`),
  log: (handle: string, log: z.input<typeof interactionLog>) => api<{ lastInteraction: RelationshipView['lastInteraction']; dueAt: string | null }>('POST', `${member(handle)}/interactions`, { body: log }),
  tags: () => api<{ items: TagView[] }>('GET', '/relationship-tags'),
  createTag: (tag: z.input<typeof tagCreate>) => api<TagView>('POST', '/relationship-tags', { body: tag }),
  updateTag: (id: number, change: z.input<typeof tagUpdate>) => api<TagView>('PATCH', `/relationship-tags/${id}`, { body: change }),
  deleteTag: (id: number) => api<null>('DELETE', `/relationship-tags/${id}`),
  keepInTouch: (cursor?: string) => api<Page<RelationshipItem>>('GET', '/keep-in-touch', { query: { cursor } }),
  list: (tag: number | null, cursor?: string) => api<Page<RelationshipItem>>('GET', '/relationships', { query: { cursor, tag: tag ?? undefined } }),
};
