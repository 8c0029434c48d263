/**
 * The authorisation matrix's expectation table: one entry per route of the OpenAPI document (METHOD and
 * path as the document spells them), saying who may call it. The matrix fails when the document has a route
 * without an entry here, or an entry names a route that no longer exists, so a new route cannot ship without
 * someone deciding its access class.
 *
 * Classes:
 * - `public`: anyone, signed out included (`security: []` in the document).
 * - `metrics-token`: only the bearer of the instance's METRICS_TOKEN.
 * - `signed-in`: any active member; the community's shared things (directory, search, feeds, topics).
 * - `self-only`: any active member, acting on their own data (`/me/…`, their lists and settings).
 * - `operator`: operators only; a member is 403.
 * - `about-member`: names another member, in the path (`{handle}`) or in the body (`to`, `member`…); the
 *   answer depends on the relationship and the target's privacy (see `relationships` below).
 * - `owner-of-id`: the path holds the id of a thing; a member who neither owns it nor takes part in it gets
 *   404, exactly as for an id that does not exist (`readable` when others may read it: a post, its comments).
 *   A thing the caller may read but not change (another's post or comment) is 403 `not_author` instead.
 *
 * Options:
 * - `restricted: 'forbidden'`: one of the writes an invitations restriction forbids (docs/moderation.md): 403.
 * - `relationships`: the status the caller (me, an active member) gets for a target at a relationship or
 *   privacy, where the route decides on it; unlisted relationships must not be 404. Whatever the route, one
 *   who blocked me gets exactly the answer a handle nobody has gets (status and code): no existence leak.
 * - `tier`: writes that change the world run after everything else, in tier order: 1 changes my relationships
 *   or the moderation queue, 2 a member's standing, 3 makes an operator, 4 deletes the caller's account, 5 signs
 *   them out. Answers after tier 1 began check roles, refusals, 5xx and canaries, not relationships.
 */
import type { Relationship, Thing } from './world.ts';

export type AccessClass = 'public' | 'metrics-token' | 'signed-in' | 'self-only' | 'operator' | 'about-member' | 'owner-of-id';

/** A relationship, or a relationship with the target's privacy (`first:strict`). */
export type RelationshipKey = Relationship | `${Relationship}:${'open' | 'strict'}`;

export interface Entry {
  access: AccessClass;
  /** For `about-member`: where the member is named. */
  via?: 'path' | 'body';
  /** For `owner-of-id`: the victim's thing the path names. */
  thing?: Thing;
  /** For `owner-of-id`: others may read it (a post), so a read is not refused; writes still are. */
  readable?: boolean;
  /** For `owner-of-id`: what a stranger gets when it is not `readable` (404 unless stated). */
  refusals?: number[];
  restricted?: 'forbidden';
  /** The body's `positionId` is the caller's own position (asking to be recommended), not the target's. */
  position?: 'caller';
  relationships?: Partial<Record<RelationshipKey, number>>;
  tier?: 1 | 2 | 3 | 4 | 5;
}

const pub = (): Entry => ({ access: 'public' });
const signedIn = (more: Partial<Entry> = {}): Entry => ({ access: 'signed-in', ...more });
const self = (more: Partial<Entry> = {}): Entry => ({ access: 'self-only', ...more });
const operator = (more: Partial<Entry> = {}): Entry => ({ access: 'operator', ...more });
const about = (via: 'path' | 'body', more: Partial<Entry> = {}): Entry => ({ access: 'about-member', via, ...more });
const owned = (thing: Thing, more: Partial<Entry> = {}): Entry => ({ access: 'owner-of-id', thing, ...more });

/** Relationship records are about someone I may approach: not myself (400), nor one I blocked (404). */
const RECORD: Entry['relationships'] = { self: 400, 'blocked-by-me': 404 };
/** Only connections recommend each other (and ask to be recommended). */
const CONNECTIONS_ONLY: Entry['relationships'] = { self: 400, second: 403, third: 403, out: 403, 'blocked-by-me': 409 };

export const EXPECTATIONS: Record<string, Entry> = {
  // Operations: health checks for anyone, metrics for the scraper's token.
  'GET /healthz': pub(),
  'GET /readyz': pub(),
  'GET /metrics': { access: 'metrics-token' },

  // Signing up, in and out.
  'POST /api/v1/auth/signup': pub(),
  'POST /api/v1/auth/password-reset': pub(),
  'POST /api/v1/auth/password-reset/confirm': pub(),
  'PUT /api/v1/me/password': self(),
  'POST /api/v1/auth/login': pub(),
  'POST /api/v1/auth/logout': self({ tier: 5 }),
  'POST /api/v1/auth/tokens': pub(),
  'POST /api/v1/auth/verify-email': pub(),
  'POST /api/v1/auth/verify-email/resend': self(),
  'GET /api/v1/locale': pub(),

  // My account.
  'GET /api/v1/me': self(),
  'DELETE /api/v1/me': self({ tier: 4 }),
  'PATCH /api/v1/me/profile': self(),
  'PUT /api/v1/me/photo': self(),
  'DELETE /api/v1/me/photo': self({ tier: 1 }),
  'GET /api/v1/me/tokens': self(),
  'POST /api/v1/me/tokens': self(),
  'DELETE /api/v1/me/tokens/{id}': owned('token'),
  'GET /api/v1/me/deletion': self(),
  'POST /api/v1/me/cancel-deletion': self(),
  'GET /api/v1/me/notices': self(),
  'POST /api/v1/me/notices/{id}/read': owned('notice'),

  // Imports and contacts.
  'POST /api/v1/imports': self(),
  'GET /api/v1/imports': self(),
  'GET /api/v1/imports/{id}': owned('import'),
  'POST /api/v1/imports/{id}/mapping': owned('import'),
  'GET /api/v1/imports/{id}/profile-draft': owned('import'),
  'POST /api/v1/imports/{id}/profile-draft/apply': owned('import'),
  'GET /api/v1/imports/history': self(),
  'GET /api/v1/contacts': self(),
  'GET /api/v1/contacts/matches': self(),
  'POST /api/v1/contacts/{id}/connect': owned('contact'),
  'POST /api/v1/contacts/{id}/dismiss': owned('contact'),
  'GET /api/v1/contacts/{id}/notes': owned('contact'),
  'POST /api/v1/contacts/{id}/notes': owned('contact'),
  'PUT /api/v1/contacts/{id}/tags': owned('contact'),

  // Members, the directory, search and organisations.
  'GET /api/v1/members/{handle}': about('path', { relationships: { 'blocked-by-me': 200 } }),
  'GET /api/v1/members/{handle}/photo': about('path', { relationships: { self: 200, 'blocked-by-me': 200 } }),
  'GET /api/v1/members': signedIn(),
  'GET /api/v1/search/members': signedIn(),
  'GET /api/v1/organisations': signedIn(),
  'GET /api/v1/organisations/{slug}': signedIn(),
  'GET /api/v1/organisations/{slug}/members': signedIn(),

  // The Admin API.
  'POST /api/v1/admin/members/{handle}/promote': operator({ tier: 3 }),
  'POST /api/v1/admin/members/{handle}/demote': operator({ tier: 2 }),
  'POST /api/v1/admin/members/{handle}/restrictions/lift': operator({ tier: 2 }),
  'GET /api/v1/admin/members': operator(),
  'POST /api/v1/admin/members/{handle}/suspend': operator({ tier: 2 }),
  'POST /api/v1/admin/members/{handle}/reinstate': operator({ tier: 2 }),
  'GET /api/v1/admin/outbox': operator(),
  'GET /api/v1/admin/moderation': operator(),
  'POST /api/v1/admin/content/remove': operator({ tier: 1 }),
  'POST /api/v1/admin/moderation/flags/{id}/dismiss': operator({ thing: 'flag' }),
  'POST /api/v1/admin/moderation/reports/{id}/dismiss': operator({ thing: 'report', tier: 1 }),
  'POST /api/v1/admin/moderation/flags/{id}/warn': operator({ thing: 'flag' }),
  'POST /api/v1/admin/moderation/reports/{id}/warn': operator({ thing: 'report', tier: 1 }),
  'POST /api/v1/admin/moderation/flags/{id}/restrict': operator({ thing: 'flag' }),
  'POST /api/v1/admin/moderation/reports/{id}/restrict': operator({ thing: 'report', tier: 1 }),
  'POST /api/v1/admin/moderation/flags/{id}/suspend': operator({ thing: 'flag' }),
  'POST /api/v1/admin/moderation/reports/{id}/suspend': operator({ thing: 'report', tier: 1 }),
  'GET /api/v1/admin/audit': operator(),
  'GET /api/v1/admin/deletions': operator(),
  'GET /api/v1/admin/jobs': operator(),
  'GET /api/v1/admin/jobs/dead': operator(),
  'POST /api/v1/admin/jobs/{id}/retry': operator({ thing: 'job' }),
  'POST /api/v1/admin/jobs/{id}/discard': operator({ thing: 'job' }),
  'POST /api/v1/admin/jobs/digest': operator(),
  'GET /api/v1/admin/community/structure': operator(),
  'GET /api/v1/admin/organisations': operator(),
  'POST /api/v1/admin/organisations/{id}/merge': operator({ thing: 'organisation' }),
  'GET /api/v1/admin/community': operator(),
  'POST /api/v1/admin/community/newcomers/{handle}/welcome': operator(),
  'POST /api/v1/admin/community/newcomers/{handle}/suggestions': operator(),

  // Reports, invitations and connections.
  'POST /api/v1/reports': about('body', { relationships: { self: 400 } }),
  'POST /api/v1/invitations': about('body', { restricted: 'forbidden', relationships: { self: 400, first: 409, 'blocked-by-me': 409 } }),
  'GET /api/v1/invitations': self(),
  'GET /api/v1/invitations/folders': self(),
  'GET /api/v1/invitations/{id}': owned('invitation'),
  'POST /api/v1/invitations/{id}/messages': owned('invitation'),
  'POST /api/v1/invitations/{id}/accept': owned('invitation'),
  'POST /api/v1/invitations/{id}/ignore': owned('invitation'),
  'POST /api/v1/invitations/{id}/dont-know': owned('invitation'),
  'POST /api/v1/invitations/{id}/withdraw': owned('invitation'),
  'POST /api/v1/invitations/{id}/undo': owned('invitation'),
  'DELETE /api/v1/connections/{handle}': about('path', { tier: 1 }),
  'GET /api/v1/me/connections': self(),
  'GET /api/v1/members/{handle}/connections': about('path', {
    // "Connections can see my connections" (open) or "only me" (strict).
    relationships: { self: 200, 'first:open': 200, 'first:strict': 403, second: 403, third: 403, out: 403, 'blocked-by-me': 404 },
  }),
  'GET /api/v1/me/followers': self(),
  'GET /api/v1/me/following': self(),
  'PUT /api/v1/members/{handle}/follow': about('path', {
    // "Who can follow me": everyone (open) or connections only (strict).
    relationships: { self: 400, 'first:strict': 200, 'second:strict': 403, 'third:strict': 403, 'out:strict': 403, 'out:open': 200, 'blocked-by-me': 409 },
  }),
  'DELETE /api/v1/members/{handle}/follow': about('path'),
  'PUT /api/v1/members/{handle}/block': about('path', { tier: 1 }),
  'DELETE /api/v1/members/{handle}/block': about('path', { tier: 1 }),
  'GET /api/v1/me/blocks': self(),
  'GET /api/v1/members/{handle}/mutuals': about('path', { relationships: { 'blocked-by-me': 404 } }),
  'GET /api/v1/members/{handle}/paths': about('path', { relationships: { 'blocked-by-me': 404 } }),
  'GET /api/v1/me/garden/map': self(),

  // Introductions.
  'POST /api/v1/introductions': about('body', { relationships: { self: 400, 'blocked-by-me': 409 } }),
  'GET /api/v1/introductions': self(),
  'GET /api/v1/introductions/{id}': owned('introduction'),
  'POST /api/v1/introductions/{id}/forward': owned('introduction'),
  'POST /api/v1/introductions/{id}/decline': owned('introduction'),
  'POST /api/v1/introductions/{id}/accept': owned('introduction'),
  'POST /api/v1/introductions/{id}/leave': owned('introduction'),

  // Admire (the members and organisations I follow closely), suggestions, screening.
  'GET /api/v1/admire': self(),
  'POST /api/v1/admire': about('body', { relationships: { self: 400, 'blocked-by-me': 400 } }),
  'PATCH /api/v1/admire/{id}': owned('admire'),
  'DELETE /api/v1/admire/{id}': owned('admire'),
  'GET /api/v1/suggestions/people': self(),
  'DELETE /api/v1/suggestions/people/{handle}': about('path'),
  'GET /api/v1/me/screening': self(),
  'PUT /api/v1/me/screening': self(),
  'GET /api/v1/me/allowance': self(),

  // Live events and notifications.
  'GET /api/v1/events': self(),
  'GET /api/v1/notifications': self(),
  'GET /api/v1/notifications/unread': self(),
  'POST /api/v1/notifications/read': self(),
  'GET /api/v1/me/notification-settings': self(),
  'PUT /api/v1/me/notification-settings': self(),
  'GET /api/v1/unsubscribe': pub(),
  'POST /api/v1/unsubscribe': pub(),

  // Posts, comments and reactions.
  'POST /api/v1/posts': self(),
  'GET /api/v1/posts/{id}': owned('post', { readable: true }),
  'PATCH /api/v1/posts/{id}': owned('post', { refusals: [403] }),
  'DELETE /api/v1/posts/{id}': owned('post', { refusals: [403] }),
  'GET /api/v1/feed': signedIn(),
  'GET /api/v1/members/{handle}/posts': about('path'),
  'GET /api/v1/topics/{topic}/posts': signedIn(),
  'POST /api/v1/posts/{id}/comments': owned('post', { readable: true }),
  'GET /api/v1/posts/{id}/comments': owned('post', { readable: true }),
  'PATCH /api/v1/comments/{id}': owned('comment', { refusals: [403] }),
  'DELETE /api/v1/comments/{id}': owned('comment', { refusals: [403] }),
  'PUT /api/v1/posts/{id}/reaction': owned('post', { readable: true }),
  'DELETE /api/v1/posts/{id}/reaction': owned('post', { readable: true }),
  'GET /api/v1/posts/{id}/reactions': owned('post', { readable: true }),
  'PUT /api/v1/comments/{id}/reaction': owned('comment', { readable: true }),
  'DELETE /api/v1/comments/{id}/reaction': owned('comment', { readable: true }),
  'GET /api/v1/comments/{id}/reactions': owned('comment', { readable: true }),

  // Media.
  'POST /api/v1/media': self(),
  'GET /api/v1/media/{id}': owned('media'),
  'DELETE /api/v1/media/{id}': owned('media'),
  // The victim's post links nowhere, so it has no preview image: 404 for everyone (readable or not).
  'GET /api/v1/posts/{id}/link-preview/image': owned('post'),

  // Messages.
  // A restricted member may message only their connections (the restricted one in the matrix has none).
  'POST /api/v1/conversations': about('body', { restricted: 'forbidden', relationships: { self: 400, 'blocked-by-me': 409 } }),
  'GET /api/v1/conversations': self(),
  'GET /api/v1/conversations/unread': self(),
  'GET /api/v1/members/{handle}/conversation': about('path', { relationships: { self: 404, 'blocked-by-me': 404 } }),
  'GET /api/v1/conversations/{id}': owned('conversation'),
  'DELETE /api/v1/conversations/{id}': owned('conversation'),
  'GET /api/v1/conversations/{id}/messages': owned('conversation'),
  'POST /api/v1/conversations/{id}/messages': owned('conversation'),
  'POST /api/v1/conversations/{id}/accept': owned('conversation'),
  'POST /api/v1/conversations/{id}/archive': owned('conversation'),
  'POST /api/v1/conversations/{id}/unarchive': owned('conversation'),
  'POST /api/v1/conversations/{id}/mute': owned('conversation'),
  'POST /api/v1/conversations/{id}/unmute': owned('conversation'),
  'POST /api/v1/conversations/{id}/read': owned('conversation'),
  'GET /api/v1/me/message-settings': self(),
  'PUT /api/v1/me/message-settings': self(),

  // My private relationship records: notes, tags, the ledger. Private to their writer whoever they are about.
  'GET /api/v1/members/{handle}/relationship': about('path', { relationships: RECORD }),
  'PATCH /api/v1/members/{handle}/relationship': about('path', { relationships: RECORD }),
  'GET /api/v1/members/{handle}/notes': about('path', { relationships: RECORD }),
  'POST /api/v1/members/{handle}/notes': about('path', { relationships: RECORD }),
  // My notes are about someone I have a relationship with: the restricted member, who has none with the
  // note's subject, is refused that before the note is looked up (403 no_relationship); nobody learns of it.
  'PATCH /api/v1/members/{handle}/notes/{id}': owned('note', { refusals: [403, 404] }),
  'DELETE /api/v1/members/{handle}/notes/{id}': owned('note', { refusals: [403, 404] }),
  'POST /api/v1/members/{handle}/interactions': about('path', { relationships: RECORD }),
  'GET /api/v1/keep-in-touch': self(),
  'GET /api/v1/relationships': self(),
  'GET /api/v1/relationship-tags': self(),
  'POST /api/v1/relationship-tags': self(),
  'PATCH /api/v1/relationship-tags/{id}': owned('tag'),
  'DELETE /api/v1/relationship-tags/{id}': owned('tag'),
  'GET /api/v1/ledger': self(),
  'GET /api/v1/members/{handle}/ledger': about('path', { relationships: RECORD }),
  'POST /api/v1/members/{handle}/ledger': about('path', { relationships: RECORD }),

  // Endorsements and recommendations.
  'PUT /api/v1/members/{handle}/skills/{skill}/endorsement': about('path', { relationships: CONNECTIONS_ONLY }),
  'DELETE /api/v1/members/{handle}/skills/{skill}/endorsement': about('path', { relationships: { self: 400 } }),
  'GET /api/v1/members/{handle}/skills/{skill}/endorsers': about('path', {
    // Skills are part of the whole profile: a strict one beyond my network shows me none.
    relationships: { 'out:strict': 404, 'blocked-by-me': 404 },
  }),
  'POST /api/v1/members/{handle}/recommendation-requests': about('path', { position: 'caller', relationships: { ...CONNECTIONS_ONLY, first: 201 } }),
  'POST /api/v1/members/{handle}/recommendations': about('path', { relationships: { ...CONNECTIONS_ONLY, first: 201 } }),
  'GET /api/v1/recommendations': self(),
  'POST /api/v1/recommendations/{id}/approve': owned('recommendation'),
  'POST /api/v1/recommendations/{id}/decline': owned('recommendation'),
  'POST /api/v1/recommendations/{id}/hide': owned('recommendation'),
  'POST /api/v1/recommendations/{id}/show': owned('recommendation'),

  // Invitations by email (they draw on the invitation allowance).
  'POST /api/v1/email-invitations': self({ restricted: 'forbidden' }),
  'GET /api/v1/email-invitations': self(),
  'GET /api/v1/email-invitations/no-more': pub(),
  'POST /api/v1/email-invitations/no-more': pub(),
  'POST /api/v1/email-invitations/join': self(),

  // Exports.
  'POST /api/v1/exports': self(),
  'GET /api/v1/exports': self(),
  'GET /api/v1/exports/{id}': owned('export'),
  'GET /api/v1/exports/{id}/download': owned('export'),

  // Outreach, the garden, opportunities.
  'GET /api/v1/me/outreach': self(),
  'PUT /api/v1/me/outreach': self(),
  'POST /api/v1/notes/check': self(),
  'GET /api/v1/me/garden': self(),
  'GET /api/v1/opportunities': self(),
  'POST /api/v1/opportunities': about('body', { relationships: { self: 400, 'blocked-by-me': 400 } }),
  'GET /api/v1/opportunities/report': self(),
  'PATCH /api/v1/opportunities/{id}': owned('opportunity'),
  'DELETE /api/v1/opportunities/{id}': owned('opportunity'),
};
