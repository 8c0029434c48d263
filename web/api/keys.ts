import type { MemberFilters, SearchFilters } from './directory.ts';
import type { ConversationList } from './messages.ts';
import type { ConnectionSort, FollowDirection, InvitationBox } from './network.ts';
import type { FeedOrder, ReactionKind, ReactionTarget } from './posts.ts';
import type { InvitationFolder } from './screening.ts';

/** Query keys in one place so invalidation matches what pages read. */
export const keys = {
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
  exports: ['me', 'exports'] as const,
  member: (handle: string) => ['member', handle] as const,
  search: (filters: SearchFilters) => ['search', filters] as const,
  /** The member directory; like search, it shows relationships, so a relationship change refetches it. */
  directory: (filters: MemberFilters) => ['directory', filters] as const,
  organisation: (slug: string) => ['organisation', slug] as const,
  organisationMembers: (slug: string, when: string) => ['organisation', slug, 'members', when] as const,
  organisationSuggest: (q: string) => ['organisation-suggest', q] as const,
  /** Everything under 'network' is the viewer's own lists; a relationship change invalidates them all. */
  network: ['network'] as const,
  invitations: (box: InvitationBox, folder: InvitationFolder = 'inbox') => ['network', 'invitations', box, box === 'received' ? folder : 'all'] as const,
  invitationFolders: ['network', 'invitations', 'folders'] as const,
  /** One invitation with its thread, e.g. opened from a connection's "How you met". */
  invitation: (id: number) => ['network', 'invitation', id] as const,
  allowance: ['network', 'allowance'] as const,
  screeningPolicy: ['me', 'screening'] as const,
  connections: (q: string, sort: ConnectionSort, tag: number | null = null) => ['network', 'connections', q, sort, tag] as const,
  follows: (direction: FollowDirection) => ['network', 'follows', direction] as const,
  blocks: ['network', 'blocks'] as const,
  suggestions: ['network', 'suggestions'] as const,
  /** My admire list: under 'network', so a connection (which may move an entry to connected) refetches it. */
  admire: ['network', 'admire'] as const,
  mutuals: (handle: string, limit: number) => ['member', handle, 'mutuals', limit] as const,
  paths: (handle: string) => ['member', handle, 'paths'] as const,
  /** The viewer's introductions, by box; any step refetches them all. */
  introductions: ['introductions'] as const,
  introductionBox: (box: string) => ['introductions', box] as const,
  memberConnections: (handle: string) => ['member', handle, 'connections'] as const,
  /** My private relationship memory: everything under 'relationships' is refetched after a change to it. */
  relationships: ['relationships'] as const,
  relationship: (handle: string) => ['relationships', 'card', handle] as const,
  relationshipNotes: (handle: string) => ['relationships', 'notes', handle] as const,
  relationshipTags: ['relationships', 'tags'] as const,
  relationshipList: (tag: number | null) => ['relationships', 'list', tag] as const,
  keepInTouch: ['relationships', 'keep-in-touch'] as const,
  ledger: ['relationships', 'ledger'] as const,
  ledgerWith: (handle: string) => ['relationships', 'ledger', handle] as const,
  /** One person a week: goal, streak, year view and suggestions. */
  outreach: ['outreach'] as const,
  /** The opportunity log and its report: one prefix, so logging or removing one refreshes both. */
  opportunities: ['opportunities', 'list'] as const,
  opportunityReport: ['opportunities', 'report'] as const,
  /** The bell's number and the notifications page; a live `notification` update refreshes both. */
  notifications: ['notifications'] as const,
  notificationsUnread: ['notifications', 'unread'] as const,
  notificationSettings: ['me', 'notification-settings'] as const,
  /**
   * Everything under 'posts' holds posts or comments: a reaction patches them in place wherever they are
   * cached, and a new post, an edit or a deletion refetches them.
   */
  posts: ['posts'] as const,
  feed: (order: FeedOrder) => ['posts', 'feed', order] as const,
  post: (id: number) => ['posts', 'one', id] as const,
  memberPosts: (handle: string) => ['posts', 'member', handle] as const,
  topicPosts: (topic: string) => ['posts', 'topic', topic] as const,
  comments: (postId: number) => ['posts', 'comments', postId] as const,
  reactors: (target: ReactionTarget, kind: ReactionKind | null) => ['posts', 'reactors', target.type, target.id, kind ?? 'all'] as const,
  /**
   * Everything under 'conversations' is the viewer's messages: a live `message` update refreshes it all (the
   * lists, the header badge, the open conversation and its messages).
   */
  conversations: ['conversations'] as const,
  conversationList: (folder: ConversationList) => ['conversations', 'list', folder] as const,
  conversationsUnread: ['conversations', 'unread'] as const,
  conversation: (id: number) => ['conversations', 'one', id] as const,
  conversationMessages: (id: number) => ['conversations', 'messages', id] as const,
  conversationWith: (handle: string) => ['conversations', 'with', handle] as const,
  messageSettings: ['me', 'message-settings'] as const,
  adminMembers: (q: string) => ['admin', 'members', q] as const,
  outbox: ['admin', 'outbox'] as const,
  /** The job queue's counts and dead jobs; retrying or discarding one refetches both. */
  jobs: ['admin', 'jobs'] as const,
  deadJobs: ['admin', 'jobs', 'dead'] as const,
  adminOrganisations: (q: string) => ['admin', 'organisations', q] as const,
  /** The first page only (a plain query, not a paged one, so it must not share the list's key). */
  adminOrganisationTargets: (q: string) => ['admin', 'organisation-targets', q] as const,
};
