import { api } from './client.ts';
import type { InvitationFolder } from './screening.ts';
import type {
  BlockedCard,
  ConnectionCard,
  FollowCard,
  InvitationContext,
  InvitationSendResult,
  InvitationView,
  MutualsView,
  Page,
  PathsView,
  SuggestionView,
} from './types.ts';

/** The ways a member can answer (or, as its sender, withdraw) a pending invitation; each is its own route. */
export type InvitationAnswer = 'accept' | 'ignore' | 'dont-know' | 'withdraw';
export type InvitationBox = 'received' | 'sent';
export type ConnectionSort = 'recent' | 'name';
export type FollowDirection = 'followers' | 'following';
/**
 * Where an invitation is sent from: a surface the client names, or a comment, from which the server
 * records the comment (and its post) as where the two met; the client never declares that context itself.
 */
export type InvitationOrigin = InvitationContext | { commentId: number };

const member = (handle: string) => `/members/${encodeURIComponent(handle)}`;

export const networkApi = {
  /** `email` is for members who accept invitations only from people who know their address. */
  invite: (to: string, note: string, origin: InvitationOrigin, email?: string) =>
    api<InvitationSendResult>('POST', '/invitations', {
      body: { to, note, ...(typeof origin === 'string' ? { context: origin } : { commentId: origin.commentId }), ...(email ? { email } : {}) },
    }),
  /** Received invitations come from one screening folder (inbox or "Other"); sent ones ignore it. */
  invitations: (box: InvitationBox, cursor?: string, folder: InvitationFolder = 'inbox') =>
    api<Page<InvitationView>>('GET', '/invitations', { query: { box, cursor, folder: box === 'received' ? folder : undefined } }),
  answer: (id: number, answer: InvitationAnswer) =>
    api<{ invitation: InvitationView }>('POST', `/invitations/${id}/${answer}`, { body: {} }),
  /** Takes back "I don't know this person" within the server's short window (409 undo_expired after it). */
  undoDontKnow: (id: number) => api<{ invitation: InvitationView }>('POST', `/invitations/${id}/undo`, { body: {} }),

  connections: (q: string, sort: ConnectionSort, cursor?: string, tag: number | null = null) =>
    api<Page<ConnectionCard>>('GET', '/me/connections', { query: { q, sort, cursor, tag } }),
  memberConnections: (handle: string, cursor?: string) => api<Page<ConnectionCard>>('GET', `${member(handle)}/connections`, { query: { cursor } }),
  removeConnection: (handle: string) => api<void>('DELETE', `/connections/${encodeURIComponent(handle)}`),

  follows: (direction: FollowDirection, cursor?: string) => api<Page<FollowCard>>('GET', `/me/${direction}`, { query: { cursor } }),
  follow: (handle: string) => api<{ following: boolean }>('PUT', `${member(handle)}/follow`),
  unfollow: (handle: string) => api<{ following: boolean }>('DELETE', `${member(handle)}/follow`),

  blocks: () => api<{ items: BlockedCard[] }>('GET', '/me/blocks'),
  block: (handle: string) => api<{ blocked: boolean }>('PUT', `${member(handle)}/block`),
  unblock: (handle: string) => api<{ blocked: boolean }>('DELETE', `${member(handle)}/block`),

  mutuals: (handle: string, limit: number) => api<MutualsView>('GET', `${member(handle)}/mutuals`, { query: { limit } }),
  paths: (handle: string, k = 3) => api<PathsView>('GET', `${member(handle)}/paths`, { query: { k } }),

  /** People you may know; `filter` narrows them to widen a garden gap (careerStage, notLocation…). */
  suggestions: (limit = 20, filter: SuggestionFilter = {}) => api<{ items: SuggestionView[] }>('GET', '/suggestions/people', { query: { limit, ...filter } }),
  dismissSuggestion: (handle: string) => api<void>('DELETE', `/suggestions/people/${encodeURIComponent(handle)}`),
};

/** The filters of people you may know a garden gap links to (`widen` of a gap), as query parameters. */
export const SUGGESTION_FILTERS = ['careerStage', 'industry', 'function', 'location', 'notIndustry', 'notFunction', 'notLocation'] as const;
export type SuggestionFilter = Partial<Record<(typeof SUGGESTION_FILTERS)[number], string>>;
