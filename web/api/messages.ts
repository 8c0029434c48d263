import type {
  ConversationList,
  ConversationSummary,
  MessageGate,
  MessageSettings,
  MessageView,
  RequestWarning,
  SenderKind,
  UnreadCounts,
} from '../../common/schemas/messages.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { ConversationList, ConversationSummary, MessageGate, MessageSettings, MessageView, RequestWarning, SenderKind, UnreadCounts };

/** What a member can do to their own view of a conversation (POST /conversations/:id/<action>). */
export type ConversationAction = 'accept' | 'archive' | 'unarchive' | 'mute' | 'unmute' | 'read';

/** A message's text and, optionally, an attached link (http or https) and an uploaded image with its alt text. */
export interface MessageDraft {
  text: string;
  link?: string;
  imageId?: number;
  imageAlt?: string;
}

const conversation = (id: number) => `/conversations/${id}`;

/** Conversations, messages and message settings (common/schemas/messages.ts, docs/messages.md). */
export const messagesApi = {
  list: (folder: ConversationList, cursor?: string) => api<Page<ConversationSummary>>('GET', '/conversations', { query: { folder, cursor } }),
  /** The header badge: inbox conversations with something unread, and requests waiting. */
  unread: () => api<UnreadCounts>('GET', '/conversations/unread'),
  get: (id: number) => api<ConversationSummary>('GET', conversation(id)),
  /** The viewer's one-to-one with a member; 404 when there is none they can see. */
  withMember: (handle: string) => api<ConversationSummary>('GET', `/members/${encodeURIComponent(handle)}/conversation`),
  /** Newest first; `nextCursor` pages back to older messages. */
  messages: (id: number, cursor?: string) => api<Page<MessageView>>('GET', `${conversation(id)}/messages`, { query: { cursor } }),
  send: (id: number, draft: MessageDraft) => api<{ id: number; conversationId: number }>('POST', `${conversation(id)}/messages`, { body: draft }),
  /** The answer is the same whatever the recipients' settings did with it. */
  start: (to: string[], draft: MessageDraft) => api<{ id: number; messageId: number }>('POST', '/conversations', { body: { to, ...draft } }),
  act: (id: number, action: ConversationAction) => api<ConversationSummary>('POST', `${conversation(id)}/${action}`),
  /** Delete for me: the history so far is hidden from the viewer alone. */
  remove: (id: number) => api<void>('DELETE', conversation(id)),
  settings: () => api<MessageSettings>('GET', '/me/message-settings'),
  saveSettings: (settings: MessageSettings) => api<MessageSettings>('PUT', '/me/message-settings', { body: settings }),
};
