import { type SQL, sql } from 'drizzle-orm';

/**
 * THE PURGE PLAN: for every table that refers to a member, what purging a deleted member does to it.
 *
 * `server/commands/deletion/purge-plan.test.ts` reads the database's own catalogue (information_schema) and
 * fails when a table that refers to members (a foreign key to `members`, or a column named like a member
 * reference: member_id, author_id, sender_id, other_id… see MEMBER_COLUMN) is missing here, or when an entry
 * names a table that no longer exists. So a table added later must be classified before CI passes.
 *
 * To add a table: add one entry below, in an order that respects foreign keys (children before parents when
 * deleting), with
 * - `table`: its name; `refs`: the columns that name a member (documentation, and checked by the test);
 * - `action`: `delete` (rows about or by the member go), `anonymise` (rows stay for others, their personal
 *   fields are wiped) or `keep` (nothing personal in it: say why);
 * - `why`: one line a reviewer can check;
 * - `statements(m)`: the SQL it runs, in the purge's one transaction (none for `keep`). Statements must be
 *   idempotent: a retried purge runs them all again.
 * Then add a row with distinctive text to the acceptance test (server/test/account-deletion.test.ts) if the
 * table can hold the member's name, email or handle.
 */
export interface PurgeTarget {
  id: number;
  /** Lower-cased, as every address is stored. */
  email: string;
}

export interface PlanEntry {
  table: string;
  refs: string[];
  action: 'delete' | 'anonymise' | 'keep';
  why: string;
  statements?: (m: PurgeTarget) => SQL[];
}

/** Column names that refer to a member: the plan test treats a table with one as referring to members. */
export const MEMBER_COLUMN =
  /^(member|author|sender|recipient|other|actor|owner|follower|followee|blocker|blocked|requester|target|writer|endorser|reporter|peer|subject|inviter|invitee|contact_member|importer|exporter|matched_member)_ids?$|^(created|resolved|lifted|invited|requested|decided)_by$/;

const del = (table: string, ...columns: string[]) => (m: PurgeTarget) => [
  sql.raw(`DELETE FROM ${table} WHERE ${columns.map((c) => `${c} = ${m.id}`).join(' OR ')}`),
];

/**
 * The outbox's emails to them, and those to others that name them ("Zed invited you…", an invitation to
 * join they sent): their name, as their profile still has it when this runs (before `profiles` goes).
 */
const emailsAbout = (m: PurgeTarget) =>
  sql`member_id = ${m.id} OR lower(to_address) = ${m.email}
      OR strpos(lower(subject || ' ' || text_body), (SELECT lower(name) FROM profiles WHERE member_id = ${m.id})) > 0`;

export const PURGE_PLAN: PlanEntry[] = [
  // Content others react to first, so their counters can be put right while the rows still say where.
  {
    table: 'post_reactions',
    refs: ['member_id'],
    action: 'delete',
    why: 'their reactions; the counters of the posts they reacted to are recomputed',
    statements: (m) => [
      sql`UPDATE posts p SET reaction_counts = COALESCE((SELECT jsonb_object_agg(kind, n) FROM (SELECT kind, count(*) AS n FROM post_reactions r WHERE r.post_id = p.id AND r.member_id <> ${m.id} GROUP BY kind) k), '{}'::jsonb)
            WHERE p.id IN (SELECT post_id FROM post_reactions WHERE member_id = ${m.id})`,
      sql`DELETE FROM post_reactions WHERE member_id = ${m.id}`,
    ],
  },
  {
    table: 'comment_reactions',
    refs: ['member_id'],
    action: 'delete',
    why: 'their reactions to comments; the counters are recomputed',
    statements: (m) => [
      sql`UPDATE comments c SET reaction_counts = COALESCE((SELECT jsonb_object_agg(kind, n) FROM (SELECT kind, count(*) AS n FROM comment_reactions r WHERE r.comment_id = c.id AND r.member_id <> ${m.id} GROUP BY kind) k), '{}'::jsonb)
            WHERE c.id IN (SELECT comment_id FROM comment_reactions WHERE member_id = ${m.id})`,
      sql`DELETE FROM comment_reactions WHERE member_id = ${m.id}`,
    ],
  },
  { table: 'post_mentions', refs: ['author_id', 'member_id'], action: 'delete', why: 'mentions by them and of them', statements: del('post_mentions', 'author_id', 'member_id') },
  { table: 'comment_mentions', refs: ['author_id', 'member_id'], action: 'delete', why: 'mentions by them and of them', statements: del('comment_mentions', 'author_id', 'member_id') },
  { table: 'post_topics', refs: ['author_id'], action: 'delete', why: 'the topics of their posts', statements: del('post_topics', 'author_id') },
  { table: 'media', refs: ['owner_id'], action: 'delete', why: 'every image they uploaded (posts, messages, pending uploads)', statements: del('media', 'owner_id') },
  {
    table: 'posts',
    refs: ['author_id'],
    action: 'delete',
    why: 'their posts, with everything hanging from them (comments, reactions, previews) by cascade; reposts of them by others keep a repost of nothing',
    statements: (m) => [
      sql`UPDATE posts SET repost_count = GREATEST(repost_count - 1, 0) WHERE id IN (SELECT repost_of FROM posts WHERE author_id = ${m.id} AND repost_of IS NOT NULL)`,
      sql`DELETE FROM posts WHERE author_id = ${m.id}`,
    ],
  },
  {
    table: 'comments',
    refs: ['author_id'],
    action: 'anonymise',
    why: 'their comments on others’ posts stay as tombstones (text wiped) so the thread and its replies hold: shown as from a former member',
    statements: (m) => [sql`UPDATE comments SET text = '', edited_at = NULL WHERE author_id = ${m.id} AND text <> ''`],
  },
  {
    table: 'messages',
    refs: ['sender_id'],
    action: 'anonymise',
    why: 'their messages stay in others’ conversations as removed (text and link wiped), shown as "message removed"',
    statements: (m) => [sql`UPDATE messages SET text = '', link_url = NULL, removed_at = COALESCE(removed_at, now()) WHERE sender_id = ${m.id} AND (text <> '' OR link_url IS NOT NULL OR removed_at IS NULL)`],
  },
  { table: 'message_approaches', refs: ['sender_id', 'recipient_id'], action: 'delete', why: 'screening signatures of their messages', statements: del('message_approaches', 'sender_id', 'recipient_id') },
  {
    table: 'conversation_members',
    refs: ['member_id', 'peer_id'],
    action: 'delete',
    why: 'their own place in conversations; others keep theirs (peer_id names the tombstone, which shows nobody)',
    statements: del('conversation_members', 'member_id'),
  },
  {
    table: 'conversations',
    refs: ['created_by'],
    action: 'anonymise',
    why: 'who started a conversation others are in is forgotten',
    statements: (m) => [sql`UPDATE conversations SET created_by = NULL WHERE created_by = ${m.id}`],
  },
  { table: 'message_settings', refs: ['member_id'], action: 'delete', why: 'their settings', statements: del('message_settings', 'member_id') },
  // The graph: connections and follows are removed with their events (purge.ts records them first).
  { table: 'connections', refs: ['member_id', 'other_id'], action: 'delete', why: 'both directions; a connection.removed event each, so the graph index drops the edges', statements: del('connections', 'member_id', 'other_id') },
  { table: 'follows', refs: ['follower_id', 'followee_id'], action: 'delete', why: 'both directions; a follow.removed event each', statements: del('follows', 'follower_id', 'followee_id') },
  { table: 'blocks', refs: ['blocker_id', 'blocked_id'], action: 'delete', why: 'blocks by and of them', statements: del('blocks', 'blocker_id', 'blocked_id') },
  { table: 'invitation_messages', refs: ['author_id'], action: 'delete', why: 'their replies on invitations', statements: del('invitation_messages', 'author_id') },
  {
    table: 'invitations',
    refs: ['sender_id', 'recipient_id'],
    action: 'delete',
    why: 'invitations sent and received, with their notes (reports of them keep no invitation)',
    statements: (m) => [
      sql`UPDATE reports SET invitation_id = NULL WHERE invitation_id IN (SELECT id FROM invitations WHERE sender_id = ${m.id} OR recipient_id = ${m.id})`,
      sql`DELETE FROM invitations WHERE sender_id = ${m.id} OR recipient_id = ${m.id}`,
    ],
  },
  // Operator analytics (Admin → Community): the member's row among the community's bridges goes; the next daily run recomputes.
  { table: 'community_bridges', refs: ['member_id'], action: 'delete', why: 'their place among the bridges between the community’s clusters', statements: del('community_bridges', 'member_id') },
  { table: 'suggestion_dismissals', refs: ['member_id', 'other_id'], action: 'delete', why: 'both sides', statements: del('suggestion_dismissals', 'member_id', 'other_id') },
  // One person a week (docs/outreach.md): private to the member; rows where they are the other side go too.
  { table: 'outreach_goals', refs: ['member_id'], action: 'delete', why: 'their weekly goal', statements: del('outreach_goals', 'member_id') },
  { table: 'outreach_acts', refs: ['member_id', 'other_id'], action: 'delete', why: 'their outreach, and others’ outreach to them', statements: del('outreach_acts', 'member_id', 'other_id') },
  { table: 'outreach_suggestions', refs: ['member_id', 'other_id'], action: 'delete', why: 'their suggestions, and suggestions of them to others', statements: del('outreach_suggestions', 'member_id', 'other_id') },
  // Relationship memory: their own, and others' cards about them (the person they describe is gone).
  { table: 'relationship_card_tags', refs: ['member_id', 'other_id'], action: 'delete', why: 'their tags on cards, and tags on others’ cards about them', statements: del('relationship_card_tags', 'member_id', 'other_id') },
  // Imports and the contacts they brought (docs/imports.md).
  { table: 'contact_tags', refs: ['member_id'], action: 'delete', why: 'tags on their contacts', statements: del('contact_tags', 'member_id') },
  { table: 'contact_notes', refs: ['member_id'], action: 'delete', why: 'notes on their contacts', statements: del('contact_notes', 'member_id') },
  {
    table: 'contacts',
    refs: ['member_id', 'matched_member_id'],
    action: 'delete',
    why: 'their contacts; in others’ address books the person stays as the others imported them, no longer matched to a member',
    statements: (m) => [
      sql`DELETE FROM contacts WHERE member_id = ${m.id}`,
      sql`UPDATE contacts SET matched_member_id = NULL, match_kind = NULL, match_confidence = NULL WHERE matched_member_id = ${m.id}`,
    ],
  },
  { table: 'import_records', refs: ['member_id'], action: 'delete', why: 'records staged from their uploads', statements: del('import_records', 'member_id') },
  { table: 'imports', refs: ['member_id'], action: 'delete', why: 'their imports and their reports', statements: del('imports', 'member_id') },
  { table: 'import_profile_drafts', refs: ['member_id'], action: 'delete', why: 'the profile read from their archive', statements: del('import_profile_drafts', 'member_id') },
  { table: 'imported_history', refs: ['member_id'], action: 'delete', why: 'endorsements and recommendations imported from elsewhere', statements: del('imported_history', 'member_id') },
  {
    table: 'exports',
    refs: ['member_id'],
    action: 'delete',
    why: 'their exports expire at once: the hourly export sweep deletes each row with its file (SQL cannot remove a file), and no download token works meanwhile',
    statements: (m) => [sql`UPDATE exports SET expires_at = now(), token_hashes = '{}' WHERE member_id = ${m.id}`],
  },
  {
    table: 'email_invitations',
    refs: ['member_id', 'joined_member_id'],
    action: 'delete',
    why: 'invitations to join they sent, and any sent to their own address before they joined; one they joined from forgets them',
    statements: (m) => [
      sql`DELETE FROM email_invitations WHERE member_id = ${m.id} OR email = ${m.email}`,
      sql`UPDATE email_invitations SET joined_member_id = NULL WHERE joined_member_id = ${m.id}`,
    ],
  },
  { table: 'admire_entries', refs: ['member_id', 'target_id'], action: 'delete', why: 'their admire list, and others’ entries about them (private notes about a person who is gone)', statements: del('admire_entries', 'member_id', 'target_id') },
  // The opportunity log (private): their own, and their place in others' (the person is gone from each).
  {
    table: 'opportunity_people',
    refs: ['member_id', 'person_id'],
    action: 'delete',
    why: 'the people on their opportunities, and their place on others’ opportunities (which stay, with one person fewer)',
    statements: del('opportunity_people', 'member_id', 'person_id'),
  },
  { table: 'opportunities', refs: ['member_id'], action: 'delete', why: 'their opportunity log', statements: del('opportunities', 'member_id') },
  { table: 'relationship_notes', refs: ['member_id', 'other_id'], action: 'delete', why: 'notes they wrote, and notes about them (the person is gone; a note about them is their personal data)', statements: del('relationship_notes', 'member_id', 'other_id') },
  { table: 'relationship_cards', refs: ['member_id', 'other_id'], action: 'delete', why: 'their cards, and cards about them', statements: del('relationship_cards', 'member_id', 'other_id') },
  { table: 'relationship_tags', refs: ['member_id'], action: 'delete', why: 'their tags', statements: del('relationship_tags', 'member_id') },
  { table: 'interactions', refs: ['member_id', 'other_id'], action: 'delete', why: 'the interactions ledger, both sides', statements: del('interactions', 'member_id', 'other_id') },
  { table: 'engagement_pairs', refs: ['member_id', 'other_id'], action: 'delete', why: 'feed ranking affinities, both sides', statements: del('engagement_pairs', 'member_id', 'other_id') },
  // Endorsements and recommendations, given and received.
  { table: 'endorsements', refs: ['member_id', 'endorser_id'], action: 'delete', why: 'given and received', statements: del('endorsements', 'member_id', 'endorser_id') },
  { table: 'recommendations', refs: ['member_id', 'author_id'], action: 'delete', why: 'written and received', statements: del('recommendations', 'member_id', 'author_id') },
  { table: 'recommendation_requests', refs: ['member_id', 'writer_id'], action: 'delete', why: 'asked and asked of them', statements: del('recommendation_requests', 'member_id', 'writer_id') },
  // Introductions: theirs go; where they were an introducer on someone else's, their note and reason go.
  {
    table: 'introduction_steps',
    refs: ['member_id'],
    action: 'anonymise',
    why: 'their steps on others’ introductions stay (the path is others’ history) with their note and reason wiped',
    statements: (m) => [sql`UPDATE introduction_steps SET note = NULL, reason = NULL WHERE member_id = ${m.id} AND (note IS NOT NULL OR reason IS NOT NULL)`],
  },
  { table: 'introductions', refs: ['requester_id', 'target_id'], action: 'delete', why: 'introductions they asked for or were the target of, with their steps', statements: del('introductions', 'requester_id', 'target_id') },
  // Notifications and notices.
  { table: 'notifications', refs: ['member_id', 'actor_id'], action: 'delete', why: 'theirs, and others’ notifications of what they did', statements: del('notifications', 'member_id', 'actor_id') },
  { table: 'member_notices', refs: ['member_id'], action: 'delete', why: 'notices to them', statements: del('member_notices', 'member_id') },
  { table: 'notification_preferences', refs: ['member_id'], action: 'delete', why: 'their settings and unsubscribe token', statements: del('notification_preferences', 'member_id') },
  // Moderation: what is about them goes; what they did as an operator stays without naming them.
  {
    table: 'reports',
    refs: ['reporter_id', 'member_id', 'resolved_by'],
    action: 'delete',
    why: 'reports they filed and reports about them (with the copy of their content); reports they resolved as an operator stay, unattributed',
    statements: (m) => [sql`DELETE FROM reports WHERE reporter_id = ${m.id} OR member_id = ${m.id}`, sql`UPDATE reports SET resolved_by = NULL WHERE resolved_by = ${m.id}`],
  },
  {
    table: 'member_restrictions',
    refs: ['member_id', 'created_by', 'lifted_by'],
    action: 'delete',
    why: 'restrictions on them; restrictions they set or lifted as an operator stay, unattributed',
    statements: (m) => [
      sql`DELETE FROM member_restrictions WHERE member_id = ${m.id}`,
      sql`UPDATE member_restrictions SET created_by = NULL WHERE created_by = ${m.id}`,
      sql`UPDATE member_restrictions SET lifted_by = NULL WHERE lifted_by = ${m.id}`,
    ],
  },
  {
    table: 'moderation_flags',
    refs: ['member_ids', 'resolved_by'],
    action: 'anonymise',
    why: 'their id leaves the flags that named them (a flag naming nobody else goes); flags they resolved stay, unattributed',
    statements: (m) => [
      sql`DELETE FROM moderation_flags WHERE member_ids = ARRAY[${m.id}]::integer[]`,
      sql`UPDATE moderation_flags SET member_ids = array_remove(member_ids, ${m.id}) WHERE ${m.id} = ANY (member_ids)`,
      sql`UPDATE moderation_flags SET resolved_by = NULL WHERE resolved_by = ${m.id}`,
    ],
  },
  { table: 'signup_events', refs: ['member_id'], action: 'delete', why: 'their sign-up address, subnet and email domain', statements: del('signup_events', 'member_id') },
  { table: 'screening_policies', refs: ['member_id'], action: 'delete', why: 'their invitation screening settings', statements: del('screening_policies', 'member_id') },
  // Credentials: signing in fails from now on.
  { table: 'sessions', refs: ['member_id'], action: 'delete', why: 'sessions (with user agent and address)', statements: del('sessions', 'member_id') },
  { table: 'access_tokens', refs: ['member_id'], action: 'delete', why: 'access tokens', statements: del('access_tokens', 'member_id') },
  { table: 'email_tokens', refs: ['member_id'], action: 'delete', why: 'confirmation and reset links', statements: del('email_tokens', 'member_id') },
  { table: 'credentials', refs: ['member_id'], action: 'delete', why: 'the password hash', statements: del('credentials', 'member_id') },
  // Email: the outbox rows to them (and their delivery jobs), by member and by address.
  {
    table: 'jobs',
    refs: ['payload.memberId', 'payload.emailId'],
    action: 'delete',
    why: 'jobs whose payload names them (a digest) or an email to them; running ones are left to finish and find nothing',
    statements: (m) => [
      sql`DELETE FROM jobs WHERE status <> 'running' AND (payload->>'memberId' = ${String(m.id)}
            OR (kind = 'email.send' AND (payload->>'emailId')::bigint IN (SELECT id FROM email_outbox WHERE ${emailsAbout(m)})))`,
    ],
  },
  {
    table: 'email_outbox',
    refs: ['member_id', 'to_address'],
    action: 'delete',
    why: 'every email to them, sent or not, and every email to others that names them (an invitation, a notification)',
    statements: (m) => [sql`DELETE FROM email_outbox WHERE ${emailsAbout(m)}`],
  },
  {
    table: 'auth_attempts',
    refs: [],
    action: 'delete',
    why: 'throttle attempts keyed by their email or member id (sign-in guesses, the addresses they signed in from, email rations)',
    statements: (m) => {
      const email = likeLiteral(m.email);
      return [sql`DELETE FROM auth_attempts WHERE key LIKE ${`%:${email}|%`} OR key LIKE ${`%:${email}`} OR key LIKE ${`%:member:${m.id}|%`} OR key LIKE ${`%:confirmation:${m.id}`}`];
    },
  },
  // The profile and search.
  {
    table: 'search_documents',
    refs: ['member_id'],
    action: 'delete',
    why: 'their search row; the words of their name leave the spelling vocabulary unless someone else bears them',
    statements: (m) => [
      sql`DELETE FROM search_words w
           WHERE w.word IN (SELECT unnest(tsvector_to_array(to_tsvector('simple', name_key))) FROM search_documents WHERE member_id = ${m.id})
             AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.member_id <> ${m.id} AND w.word = ANY (tsvector_to_array(to_tsvector('simple', d.name_key))))`,
      sql`DELETE FROM search_documents WHERE member_id = ${m.id}`,
    ],
  },
  { table: 'member_skills', refs: ['member_id'], action: 'delete', why: 'their skills (the shared skill catalogue stays)', statements: del('member_skills', 'member_id') },
  { table: 'experiences', refs: ['member_id'], action: 'delete', why: 'their positions (shared organisations stay)', statements: del('experiences', 'member_id') },
  { table: 'educations', refs: ['member_id'], action: 'delete', why: 'their education', statements: del('educations', 'member_id') },
  { table: 'member_photos', refs: ['member_id'], action: 'delete', why: 'their photo', statements: del('member_photos', 'member_id') },
  { table: 'profiles', refs: ['member_id'], action: 'delete', why: 'their name, headline, about and the rest', statements: del('profiles', 'member_id') },
  // Logs: that things happened stays, never their personal data.
  {
    table: 'events',
    refs: ['actor_id', 'subject_id'],
    action: 'anonymise',
    why: 'the outbox carries ids and codes only (processors replay it); the free text some kinds carry (a reason) is dropped',
    statements: (m) => [sql`UPDATE events SET data = data - 'reason' WHERE (actor_id = ${m.id} OR subject_id = ${m.id}) AND data ? 'reason'`],
  },
  {
    table: 'audit_events',
    refs: ['actor_id', 'subject_id'],
    action: 'anonymise',
    why: 'the operators’ log keeps that actions happened; the address and details of entries by or about them are wiped',
    statements: (m) => [
      sql`UPDATE audit_events SET ip = NULL, data = '{}'::jsonb
           WHERE (actor_id = ${m.id} OR (subject_type = 'member' AND subject_id = ${String(m.id)})) AND (ip IS NOT NULL OR data <> '{}'::jsonb)`,
    ],
  },
  { table: 'account_deletions', refs: ['member_id'], action: 'keep', why: 'ids and times only: the operators’ count of deletions reads it' },
  {
    table: 'members',
    refs: ['id'],
    action: 'anonymise',
    why: 'the row stays as a tombstone (comments and messages others keep point at it): handle deleted-<id>, email deleted-<id>@invalid, status deleted',
    statements: (m) => [
      sql`UPDATE members SET handle = ${`deleted-${m.id}`}, email = ${`deleted-${m.id}@invalid`}, email_verified_at = NULL, role = 'member',
            status = 'deleted', status_reason = NULL, locale = NULL, trust_level = 0 WHERE id = ${m.id}`,
    ],
  },
];

/** A value matched literally by LIKE: its wildcards (and the escape character) escaped. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
