/**
 * THE DISTRIBUTION PLAN: where every table would live on Citus (docs/scaling.md, "Beyond one primary").
 *
 * - `distributed`: sharded by `key`, a column naming the member whose data the row is, so each member's
 *   rows of every table sit on one shard (the `member` co-location group, rooted at `members.id`).
 *   Conversations are the one other group: a conversation's messages are everyone's in it, so they are
 *   sharded by `conversation_id` (rooted at `conversations.id`).
 * - `reference`: small tables every node needs to join with, copied whole to every node.
 * - `local`: operational tables that stay on the coordinator as plain PostgreSQL tables, never joined with
 *   member rows on a worker (the outbox, the job queue, the operator's aggregates).
 *
 * `server/db/distribution.test.ts` migrates a database and fails when a table is missing here (so a new
 * table must be placed before CI passes), when an entry names a table that no longer exists, and when the
 * schema breaks one of Citus's rules (distribution-check.ts) in a way not listed below as an exception.
 * An exception that no longer happens fails it too, so this list is exactly what stands between today's
 * schema and `create_distributed_table`: the migrations it needs are the `migration` of each exception.
 * docs/scaling.md carries the same list, generated from this one (`npm run docs:distribution`).
 */

/** The rules distribution-check.ts enforces; docs/scaling.md says what each means. */
export type Rule = 'key-column' | 'primary-key' | 'unique' | 'foreign-key';

/** A rule today's schema breaks, on purpose and in the open: `subject` names the columns at fault. */
export interface Exception {
  rule: Rule;
  subject: string;
  migration: string;
}

export type Group = 'member' | 'conversation';

/** Each co-location group's root: its key columns must have this column's type. */
export const GROUP_ROOTS: Record<Group, { table: string; key: string }> = {
  member: { table: 'members', key: 'id' },
  conversation: { table: 'conversations', key: 'id' },
};

export type Placement =
  | { kind: 'distributed'; key: string; group?: Group; why: string; exceptions?: Exception[] }
  | { kind: 'reference' | 'local'; why: string; exceptions?: Exception[] };

export type Distribution = Record<string, Placement>;

// The kinds of exception, each with the migration that removes it. A helper's text is what docs/scaling.md shows.

// In a migration's text, `<key>` stands for the table's distribution column and `<key:t>` for table t's.

/** The primary key is a plain id or a key of its own: it gains the distribution column in front (ids stay unique from their sequence). */
const pk = (subject: string): Exception => ({ rule: 'primary-key', subject, migration: `primary key (<key>, ${subject.replace(/,/g, ', ')})` });

/** A foreign key to a member other than the row's own: unenforceable across shards, so it goes. */
const otherMember = (subject: string): Exception => ({
  rule: 'foreign-key',
  subject,
  migration: 'drop it: the purge plan already clears rows by this column',
});

/** A foreign key to a parent row of the same member: it must name the member too, to be co-located. */
const parent = (subject: string, table: string): Exception => ({
  rule: 'foreign-key',
  subject,
  migration: `foreign key (<key>, ${subject}) → ${table}(<key:${table}>, id)`,
});

const custom = (rule: Rule, subject: string, migration: string): Exception => ({ rule, subject, migration });

const TOKEN = 'the secret carries the member id (`{member}.{secret}`), so the lookup goes to one shard; unique (<key>, hash)';
const POST_AUTHOR = 'add post_author_id (backfilled from posts.author_id), so a post and its thread share a shard';

const member = (key: string, why: string, exceptions: Exception[] = []): Placement => ({ kind: 'distributed', key, why, ...(exceptions.length ? { exceptions } : {}) });
const conversation = (key: string, why: string, exceptions: Exception[] = []): Placement => ({
  kind: 'distributed',
  key,
  group: 'conversation',
  why,
  ...(exceptions.length ? { exceptions } : {}),
});
const reference = (why: string): Placement => ({ kind: 'reference', why });
const local = (why: string, exceptions: Exception[] = []): Placement => ({ kind: 'local', why, ...(exceptions.length ? { exceptions } : {}) });

export const DISTRIBUTION: Distribution = {
  // Members and what they say about themselves.
  members: member('id', 'the root of the member group: every member-owned row lives with its member', [
    custom('unique', 'handle', 'uniqueness moves to a `member_handles (handle PK, member_id)` table distributed by handle, written in the same transaction'),
    custom('unique', 'email', 'the same with `member_emails (email PK, member_id)`; sign-in looks the member up there first'),
  ]),
  profiles: member('member_id', 'one row per member'),
  member_photos: member('member_id', 'one row per member'),
  member_skills: member('member_id', 'their skills; skills is a reference table'),
  experiences: member('member_id', 'their positions', [pk('id')]),
  educations: member('member_id', 'their schools', [pk('id')]),
  search_documents: member('member_id', 'their search row; a search reads every shard (full-text has no shard key) and merges the top of each'),
  message_settings: member('member_id', 'one row per member'),
  notification_preferences: member('member_id', 'one row per member', [custom('unique', 'unsubscribe_token', TOKEN)]),
  screening_policies: member('member_id', 'one row per member'),
  signup_events: member('member_id', 'one row per member'),

  // Signing in.
  credentials: member('member_id', 'one row per member'),
  sessions: member('member_id', 'their sessions', [custom('primary-key', 'id_hash', `${TOKEN}; or sessions move to the shared store`)]),
  access_tokens: member('member_id', 'their personal access tokens', [pk('id'), custom('unique', 'token_hash', TOKEN)]),
  email_tokens: member('member_id', 'their email links', [custom('primary-key', 'token_hash', TOKEN)]),

  // The network. Connections are stored both ways (a row per member), so each member's side is on their shard.
  connections: member('member_id', 'both directions are rows, so a member\'s connections are one shard', [
    otherMember('other_id'),
    custom('foreign-key', 'invitation_id', 'drop the foreign key (the invitation is on the recipient\'s shard); keep the id'),
  ]),
  follows: member('follower_id', 'whom they follow; followers of a member are answered by the graph index, not SQL', [otherMember('followee_id')]),
  blocks: member('blocker_id', 'their blocks; "blocked by" is read from the graph index and the other side\'s shard', [otherMember('blocked_id')]),
  invitations: member('recipient_id', 'by recipient: received invitations is the heaviest read a member makes', [
    pk('id'),
    custom('unique', '(expression)', 'one open invitation per pair: enforced by the command under a lock on the pair, or by an `invitation_pairs` row keyed by the lower id'),
    otherMember('sender_id'),
    custom('foreign-key', 'comment_id', 'drop the foreign key (the comment is on its post author\'s shard); keep the id'),
    custom('foreign-key', 'introduction_id', 'drop the foreign key (the introduction is on its requester\'s shard); keep the id'),
  ]),
  invitation_messages: member('recipient_id', 'the thread of an invitation, beside it', [
    custom('key-column', 'recipient_id', 'add recipient_id, backfilled from invitations'),
    pk('id'),
    otherMember('author_id'),
    parent('invitation_id', 'invitations'),
  ]),
  suggestion_dismissals: member('member_id', 'their dismissed suggestions', [otherMember('other_id')]),
  engagement_pairs: member('member_id', 'their side of each pair', [otherMember('other_id')]),
  community_bridges: member('member_id', 'one row per bridging member, written by a job'),

  // Posts and their threads, by the post's author.
  posts: member('author_id', 'by author: a profile\'s posts and the feed\'s per-author probes are one shard each', [pk('id')]),
  post_topics: member('author_id', 'the post\'s author is on the row already', [pk('post_id,topic'), parent('post_id', 'posts')]),
  post_mentions: member('author_id', 'the post\'s author is on the row already', [pk('post_id,member_id'), otherMember('member_id'), parent('post_id', 'posts')]),
  post_link_previews: member('post_author_id', 'shown with its post', [
    custom('key-column', 'post_author_id', POST_AUTHOR),
    pk('post_id'),
    parent('post_id', 'posts'),
  ]),
  post_reactions: member('member_id', 'by reader: "did I react" for a page of posts is one shard; counts live on posts', [
    custom('foreign-key', 'post_id', 'drop the foreign key; deleting a post deletes its reactions by post_id (a command, across shards)'),
  ]),
  comments: member('post_author_id', 'a post\'s thread is read with the post', [
    custom('key-column', 'post_author_id', POST_AUTHOR),
    pk('id'),
    otherMember('author_id'),
    parent('parent_id', 'comments'),
    parent('post_id', 'posts'),
  ]),
  comment_mentions: member('post_author_id', 'shown with its comment', [
    custom('key-column', 'post_author_id', POST_AUTHOR),
    pk('comment_id,member_id'),
    otherMember('author_id'),
    otherMember('member_id'),
    parent('comment_id', 'comments'),
  ]),
  comment_reactions: member('member_id', 'by reader, as post_reactions', [
    custom('foreign-key', 'comment_id', 'drop the foreign key; deleting a comment deletes its reactions by comment_id (a command, across shards)'),
  ]),
  media: member('owner_id', 'their uploads', [
    pk('id'),
    custom('unique', 'post_id,position', 'unique (<key>, post_id, position): a post\'s images are its author\'s'),
    custom('unique', 'message_id', 'unique (<key>, message_id): a message\'s image is its sender\'s'),
    custom('foreign-key', 'message_id', 'drop the foreign key (messages are in the conversation group); deleting a message deletes its image by a command'),
    parent('post_id', 'posts'),
  ]),

  // Messages: a conversation is everyone's in it, so it is a group of its own; each member's inbox is theirs.
  conversations: conversation('id', 'the root of the conversation group', [otherMember('created_by')]),
  messages: conversation('conversation_id', 'a conversation\'s messages on one shard', [pk('id'), otherMember('sender_id')]),
  conversation_members: member('member_id', 'by member: the inbox lists a member\'s conversations', [
    custom('foreign-key', 'conversation_id', 'drop the foreign key (another group); leaving and deleting are commands that write both'),
    otherMember('peer_id'),
  ]),
  message_approaches: member('sender_id', 'screening of the sender\'s approaches', [pk('id'), otherMember('recipient_id')]),

  // Introductions, endorsements and recommendations.
  introductions: member('requester_id', 'the requester\'s list', [
    pk('id'),
    otherMember('target_id'),
    custom('foreign-key', 'conversation_id', 'drop the foreign key (another group); keep the id'),
  ]),
  introduction_steps: member('member_id', 'by introducer: "waiting for me" is one shard', [
    custom('primary-key', 'introduction_id,position', 'primary key (<key>, introduction_id, position)'),
    custom('foreign-key', 'introduction_id', 'drop the foreign key (the introduction is on its requester\'s shard); the commands write both'),
  ]),
  endorsements: member('member_id', 'by the endorsed member, shown on their profile', [otherMember('endorser_id')]),
  recommendation_requests: member('member_id', 'by the member asking', [pk('id'), otherMember('writer_id'), parent('experience_id', 'experiences')]),
  recommendations: member('member_id', 'by the member recommended, shown on their profile', [
    pk('id'),
    custom('unique', 'request_id', 'unique (<key>, request_id)'),
    custom('unique', 'experience_id,author_id', 'unique (<key>, experience_id, author_id): the experience is the member\'s'),
    otherMember('author_id'),
    parent('experience_id', 'experiences'),
    parent('request_id', 'recommendation_requests'),
  ]),

  // Notifications and notices.
  notifications: member('member_id', 'their notifications', [pk('id'), otherMember('actor_id')]),
  member_notices: member('member_id', 'their notices', [pk('id')]),

  // Relationship memory, outreach, admire, opportunities: private to one member.
  relationship_cards: member('member_id', 'private to the member', [otherMember('other_id')]),
  relationship_notes: member('member_id', 'private to the member', [pk('id')]),
  relationship_tags: member('member_id', 'private to the member', [pk('id')]),
  relationship_card_tags: member('member_id', 'private to the member', [parent('tag_id', 'relationship_tags')]),
  interactions: member('member_id', 'one row per side', [pk('id'), otherMember('other_id')]),
  outreach_acts: member('member_id', 'their ledger', [otherMember('other_id')]),
  outreach_goals: member('member_id', 'one row per member'),
  outreach_suggestions: member('member_id', 'their weekly suggestions', [otherMember('other_id')]),
  admire_entries: member('member_id', 'private to the member', [pk('id'), otherMember('target_id')]),
  opportunities: member('member_id', 'private to the member', [pk('id')]),
  opportunity_people: member('member_id', 'private to the member', [
    custom('primary-key', 'opportunity_id,person_id', 'primary key (<key>, opportunity_id, person_id)'),
    parent('opportunity_id', 'opportunities'),
    otherMember('person_id'),
  ]),

  // Imports, contacts, exports, deletion, invitations to join.
  imports: member('member_id', 'their uploads', [pk('id')]),
  import_records: member('member_id', 'their upload\'s records', [
    custom('primary-key', 'import_id,rank,seq', 'primary key (<key>, import_id, rank, seq)'),
    parent('import_id', 'imports'),
  ]),
  import_profile_drafts: member('member_id', 'one row per member', [parent('import_id', 'imports')]),
  imported_history: member('member_id', 'their imported history', [pk('id')]),
  contacts: member('member_id', 'their address book', [pk('id'), otherMember('matched_member_id')]),
  contact_notes: member('member_id', 'their address book', [
    pk('id'),
    custom('unique', 'contact_id,dedupe_key', 'unique (<key>, contact_id, dedupe_key)'),
    parent('contact_id', 'contacts'),
  ]),
  contact_tags: member('member_id', 'their address book', [
    custom('primary-key', 'contact_id,tag_id', 'primary key (<key>, contact_id, tag_id)'),
    parent('contact_id', 'contacts'),
    parent('tag_id', 'relationship_tags'),
  ]),
  exports: member('member_id', 'their exports', [pk('id')]),
  account_deletions: member('member_id', 'their deletion request', [pk('id')]),
  email_invitations: member('member_id', 'invitations they sent', [pk('id'), custom('unique', 'token_hash', TOKEN), otherMember('joined_member_id')]),

  // Moderation.
  member_restrictions: member('member_id', 'restrictions on the member, read on each of their writes', [pk('id'), otherMember('created_by'), otherMember('lifted_by')]),
  reports: member('reporter_id', 'by reporter: "one open report per pair" is the reporter\'s; the operator\'s queue reads every shard', [
    pk('id'),
    otherMember('member_id'),
    otherMember('resolved_by'),
    custom('foreign-key', 'invitation_id', 'drop the foreign key (the invitation is on its recipient\'s shard); keep the id'),
  ]),
  moderation_flags: local('the operator\'s queue of clusters of accounts: small, read by operators only', [otherMember('resolved_by')]),
  audit_events: local('the operator\'s audit log: append-only, read by operators only, no foreign keys'),

  // Shared by everyone and joined with member rows: copied to every node.
  organisations: reference('shared by every member\'s positions; thousands to a few million rows'),
  skills: reference('shared by every member\'s skills'),
  search_words: reference('the distinct words of names, read by every search'),
  system_settings: reference('a handful of operator settings, read everywhere'),

  // Operational, on the coordinator.
  events: local('the ordered outbox: one sequence and each row\'s xid give every reader one order (docs/architecture.md, "Events")'),
  event_consumers: local('a position per durable processor'),
  jobs: local('the job queue: claimed with SKIP LOCKED, which wants one table'),
  email_outbox: local('emails waiting for the email.send job; no foreign keys'),
  email_opt_outs: local('addresses that asked for no more email, read before sending'),
  schema_migrations: local('which migrations ran'),
  auth_attempts: local('the sign-in and email throttles\' attempts, unlogged; keyed by account, address or recipient'),
  rate_limit_counters: local('shared rate-limit windows, unlogged; keyed by member or address, read and written on every API request'),
  community_daily: local('the operator\'s daily figures, written by a job'),
  community_cohorts: local('the operator\'s cohorts, written by a job'),
  community_structure_days: local('the operator\'s graph figures, written by a job'),
  community_clusters: local('the latest community clusters, written by a job'),
  garden_baselines: local('the community\'s distribution per garden dimension, written by a job'),
};
