/**
 * The catalogue of every error code the API answers: its HTTP status and what it means, in English for API
 * users. The server can only throw codes listed here (server/errors.ts takes an ErrorCode), the OpenAPI
 * document lists them per operation (server/http/operations.ts), docs/api.md carries the table generated
 * from it (`npm run docs:errors`), and the web branches on these codes, typed.
 *
 * A code is stable: clients branch on it, so it is never renamed or given another status. Each code has
 * exactly one status, so a client that knows the code knows the status. To add one: add it here (with a
 * meaning a client developer can act on), throw it, list it for its routes in operations.ts, and run
 * `npm run docs:errors`. A test fails when a code here is thrown nowhere.
 */
export const ERROR_CODES = {
  // 400: the request is not valid
  bad_request: { status: 400, meaning: 'The request is not valid HTTP, or the server could not understand it otherwise.' },
  invalid_url: { status: 400, meaning: 'The path has malformed percent-encoding.' },
  invalid_json: { status: 400, meaning: 'The body is empty or not valid JSON.' },
  validation_failed: {
    status: 400,
    meaning: 'A path parameter, query parameter or body field is not valid, or is not known; `errors` names each one.',
  },
  invalid_cursor: { status: 400, meaning: 'The cursor does not belong to this list or was altered. Start again without it.' },
  invalid_range: {
    status: 400,
    meaning: 'The `from`/`to` days do not make a range: a day that does not exist, `from` after `to`, or more than 731 days. Nothing was read.',
  },
  invalid_upload: { status: 400, meaning: 'The multipart upload is malformed, cut short, or carries more than the one file.' },
  photo_missing: { status: 400, meaning: 'The upload has no file in its `photo` field.' },
  import_file_missing: { status: 400, meaning: 'The upload has no file in its `file` field.' },
  import_mapping_no_name: { status: 400, meaning: 'A column mapping names no column for the contact’s name: map `name`, `firstName` or `lastName`.' },
  invalid_image: { status: 400, meaning: 'The image could not be read.' },
  invalid_link: { status: 400, meaning: 'The emailed link (email confirmation, password reset, unsubscribe or an invitation to join) is invalid, used or expired.' },
  wrong_password: { status: 400, meaning: 'The current password given to change the password is not correct.' },
  weak_password: { status: 400, meaning: 'The new password is too short or too easy to guess; the message says why.' },
  invitation_self: { status: 400, meaning: 'You cannot invite yourself.' },
  introduction_self: { status: 400, meaning: 'You cannot ask for an introduction to yourself.' },
  introduction_unreachable: { status: 400, meaning: 'The member is not in your network: no path of at most 3 hops leads to them.' },
  admire_target_required: { status: 400, meaning: 'An admire list entry names exactly one of `member` (a handle) or `organisation` (a slug).' },
  admire_member_unknown: { status: 400, meaning: 'No member you can see has this handle (none, suspended, or a block stands between you): nothing was added.' },
  admire_organisation_unknown: { status: 400, meaning: 'No organisation has this slug: nothing was added.' },
  admire_self: { status: 400, meaning: 'You cannot add yourself to your admire list.' },
  admire_stage_backwards: {
    status: 400,
    meaning: 'The pipeline only moves forward (identified → reached_out → replied → met → connected), by any number of steps; it never moves back. Delete the entry to start again.',
  },
  follow_self: { status: 400, meaning: 'You cannot follow yourself.' },
  block_self: { status: 400, meaning: 'You cannot block yourself.' },
  report_self: { status: 400, meaning: 'You cannot report yourself.' },
  invalid_merge: { status: 400, meaning: 'An organisation can only be merged into another organisation that exists.' },
  mention_unknown: {
    status: 400,
    meaning: 'An @mention names nobody you can mention: no such member, or one of you has blocked the other. `params.handle` names it.',
  },
  comment_parent_invalid: { status: 400, meaning: '`parentId` is not a top-level comment of this post (replies go one level deep: answer a reply through its parent).' },
  invitation_comment_mismatch: { status: 400, meaning: "An invitation sent from a comment goes to the comment's author or the post's author." },
  recipient_unknown: {
    status: 400,
    meaning: 'No member you can message has this handle (`params.handle`; `errors[].path` names its place in `to`). Nothing was sent.',
  },
  endorse_self: { status: 400, meaning: 'You cannot endorse your own skills.' },
  recommendation_self: { status: 400, meaning: 'You cannot recommend yourself, nor ask yourself for a recommendation.' },
  message_self: { status: 400, meaning: 'You cannot send a message to yourself; leave your own handle out of `to`.' },
  image_missing: { status: 400, meaning: 'The upload has no file in its `image` field.' },
  image_unsupported: { status: 400, meaning: 'The file is not a JPEG, PNG, WebP or GIF image (judged by its content, not its name or type), or it could not be read.' },
  image_too_large: { status: 400, meaning: 'The image file is over 10 MB, or its picture is over 40 megapixels.' },
  images_too_many: {
    status: 400,
    meaning: 'A post carries at most 4 images and a message one; or 20 of your uploaded images already wait to be posted (they expire after a day, or remove them).',
  },
  relationship_self: { status: 400, meaning: 'You keep no relationship card on yourself.' },
  tag_unknown: { status: 400, meaning: 'A tag id is not one of your relationship tags (`params.id`). Nothing was written.' },
  opportunity_person_unknown: {
    status: 400,
    meaning: 'An opportunity names someone it cannot be linked to: no such member, yourself, or one of you has blocked the other. `params.handle` names them. Nothing was written.',
  },
  suggestion_person_unknown: {
    status: 400,
    meaning: 'A handle in `handles` names nobody the newcomer can be introduced to: no such member, the newcomer, a member suspended, restricted or deleted, a block either way, or someone already connected or with an invitation waiting between the two. `params.handle` names them. Nothing was sent.',
  },
  media_unknown: {
    status: 400,
    meaning: 'An image id is not one of your uploads waiting to be posted (someone else\'s, already on a post or message, removed, or expired). `params.id` names it. Nothing was written.',
  },

  // 401: who is asking is not known
  unauthenticated: { status: 401, meaning: 'Sign in first: the route needs a session cookie or an access token.' },
  invalid_token: { status: 401, meaning: 'The access token or Authorization header is not valid, or the token was revoked.' },
  invalid_credentials: { status: 401, meaning: 'The email address or password is not correct.' },

  // 403: known, but not allowed
  forbidden: { status: 403, meaning: 'You are not allowed to do this (operators only, or not to this member).' },
  csrf_failed: { status: 403, meaning: 'A cookie-authenticated write without the `x-csrf-token` header from sign-in or `GET /me`.' },
  account_suspended: { status: 403, meaning: 'This account is suspended; only sign-out and `GET /me` still answer.' },
  account_held: { status: 403, meaning: 'The account waits for review by the operators; it cannot send invitations until then.' },
  no_relationship: {
    status: 403,
    meaning: 'Relationship cards (notes, tags, cadence, logged meetings) are kept only for your connections and the people you have interacted with.',
  },
  invitations_restricted: { status: 403, meaning: 'An operator restricted your invitations; the message gives their reason.' },
  note_links_not_allowed: { status: 403, meaning: 'New accounts cannot put links in invitation notes yet.' },
  invitation_needs_email: { status: 403, meaning: 'The member accepts invitations only from people who know their email address: send it in `email`.' },
  invitation_not_allowed: { status: 403, meaning: 'The member accepts invitations only from people within two degrees of them.' },
  not_connected: {
    status: 403,
    meaning: 'Only 1st-degree connections endorse each other\'s skills and ask each other for, or write, recommendations.',
  },
  follow_not_allowed: { status: 403, meaning: 'The member can only be followed by their connections.' },
  connections_private: { status: 403, meaning: "The member's setting does not let you see their connections." },
  not_author: { status: 403, meaning: "Only its author can edit or delete a post or comment (a post's author may also delete comments on it)." },
  repost_not_allowed: { status: 403, meaning: "A post shared with its author's connections only cannot be reposted by anyone else." },
  messaging_restricted: {
    status: 403,
    meaning: 'Your account waits for review, or an operator restricted your invitations: until then you can message your connections and the conversations you are in, but not start one with anyone else.',
  },

  // 404
  not_found: {
    status: 404,
    meaning: 'No such route, or no such resource that you may see (a member who blocked you, a suspended member, a post or comment not shared with you, a conversation you are not in).',
  },

  // 408, 409
  request_timeout: { status: 408, meaning: 'The request took too long to arrive.' },
  email_taken: { status: 409, meaning: 'An account with this email address already exists.' },
  email_is_member: { status: 409, meaning: 'This address belongs to a member of the community: find them and invite them to connect instead.' },
  email_opted_out: { status: 409, meaning: 'The owner of this address asked not to receive invitations to join.' },
  email_recently_invited: { status: 409, meaning: 'This address was invited to join in the last 7 days; it is not emailed again so soon.' },
  blocked: { status: 409, meaning: 'You have blocked this member: unblock them first.' },
  already_connected: { status: 409, meaning: 'You are already connected.' },
  invitation_pending: { status: 409, meaning: 'You have already invited this member.' },
  invitation_cooldown: { status: 409, meaning: 'You withdrew an invitation to this member recently; `Retry-After` says when you may invite again.' },
  invitation_limit: { status: 409, meaning: 'Too many of your invitations wait for an answer: withdraw some first.' },
  connection_limit: { status: 409, meaning: 'You or the other member have reached the limit of connections.' },
  invitation_accepted: { status: 409, meaning: 'The invitation was already accepted.' },
  invitation_withdrawn: { status: 409, meaning: 'The invitation was withdrawn.' },
  invitation_expired: { status: 409, meaning: 'The invitation has expired.' },
  invitation_declined: { status: 409, meaning: 'The invitation was declined.' },
  invitation_closed: { status: 409, meaning: 'The invitation is no longer open (one of you blocked the other).' },
  invitation_not_open: { status: 409, meaning: 'The invitation was answered or withdrawn, so it and its thread are closed.' },
  thread_not_started: { status: 409, meaning: "The recipient starts an invitation's thread by asking for context; the sender's note is their first word." },
  thread_full: { status: 409, meaning: "The invitation's thread has reached its limit of messages." },
  invitation_not_declined: { status: 409, meaning: 'Only an invitation answered "I don\'t know this person" can be undone.' },
  undo_expired: { status: 409, meaning: '"I don\'t know this person" can be undone for 30 seconds only.' },
  undo_conflict: { status: 409, meaning: 'Something changed between the two members since (an invitation, a connection or a block), so the invitation stays declined.' },
  report_exists: { status: 409, meaning: 'You already reported this member (or this post, comment or message); an operator will look at it.' },
  already_removed: { status: 409, meaning: 'The message was already removed by the moderators.' },
  flag_closed: { status: 409, meaning: 'The moderation flag was already dealt with.' },
  report_closed: { status: 409, meaning: 'The report was already dealt with.' },
  not_restricted: { status: 409, meaning: 'The member has no active restriction (of that kind).' },
  member_suspended: { status: 409, meaning: 'The member is suspended: reinstate them first.' },
  deletion_not_scheduled: { status: 409, meaning: 'Your account is not scheduled for deletion, so there is nothing to cancel.' },
  last_operator: { status: 409, meaning: 'A community needs at least one operator: make someone else an operator first.' },
  already_merged: { status: 409, meaning: 'One of the organisations was already merged into another.' },
  introduction_connected: { status: 409, meaning: 'The member is already your connection: no introduction is needed.' },
  introduction_path_invalid: {
    status: 409,
    meaning: '`via` is not a path to the target in your network now (a hop is no longer a connection, or a block stands between two of its people): ask for the paths again.',
  },
  introduction_pending: { status: 409, meaning: 'You already have an open introduction request to this member.' },
  admire_duplicate: { status: 409, meaning: 'This member or organisation is already on your admire list (`params.id` is its entry).' },
  admire_list_full: { status: 409, meaning: 'Your admire list holds its most entries (`params.max`); remove one first.' },
  introduction_not_your_turn: { status: 409, meaning: 'This step of the introduction is not yours to take now (it is someone else\'s turn, or yours has not come).' },
  introduction_answered: { status: 409, meaning: 'You have already answered this introduction.' },
  introduction_expired: { status: 409, meaning: 'The introduction expired before it was accepted.' },
  introduction_closed: { status: 409, meaning: 'The introduction is no longer open: it was declined, or accepted.' },
  introduction_no_conversation: { status: 409, meaning: 'You are not in a conversation opened by this introduction.' },
  tag_name_taken: { status: 409, meaning: 'You already have a relationship tag with this name (case aside).' },
  export_in_progress: { status: 409, meaning: 'An export of yours is already queued or running: poll it (`GET /api/v1/exports/{id}`) and request another once it is done.' },
  opportunities_limit: { status: 409, meaning: 'You have logged as many opportunities as one member may keep; `params.max` says how many. Remove old ones first.' },
  tags_limit: { status: 409, meaning: 'You have reached the number of relationship tags you may define, or of tags on one card; `params.max` says how many.' },
  recommendation_request_open: { status: 409, meaning: 'You already asked this connection for a recommendation for this position; it waits for them.' },
  recommendation_request_closed: { status: 409, meaning: 'The request was already answered with a recommendation.' },
  recommendation_exists: { status: 409, meaning: 'You already wrote a recommendation for this position; it waits for approval or is on their profile.' },
  recommendation_state: {
    status: 409,
    meaning: 'The recommendation cannot change that way now: approve or decline a pending one, hide a shown one, show a hidden one.',
  },
  imports_running: { status: 409, meaning: 'You already have imports being processed (`params.max` at most); wait for one to finish.' },
  import_state: { status: 409, meaning: 'The import is not at that step: a column mapping is taken only while its status is `needs_mapping`, a profile draft only once.' },
  contact_unmatched: { status: 409, meaning: 'The contact is not matched to a member you can invite (or the match was dismissed).' },
  not_a_newcomer: { status: 409, meaning: 'The member has 3 or more connections: they have found their people, so no introductions are suggested. Nothing was sent.' },
  no_suggestions: {
    status: 409,
    meaning: 'Nobody could be suggested to the newcomer (no people they may know, and nobody eligible shares their organisation, place or industry): choose people with `handles`. Nothing was sent.',
  },
  job_not_dead: { status: 409, meaning: 'Only a dead job (out of attempts) can be retried or discarded; this one is queued, running or done.' },

  // 413 to 431: the request's size or shape
  payload_too_large: { status: 413, meaning: 'The body or the uploaded file is too large.' },
  import_too_large: { status: 413, meaning: 'The uploaded file is over the import limit (`params.megabytes`, 200 MB by default).' },
  uri_too_long: { status: 414, meaning: 'A path segment is over 100 characters.' },
  unsupported_media_type: { status: 415, meaning: 'The body is not JSON (or the file is not a JPEG, PNG, WebP or GIF image).' },
  multipart_required: { status: 415, meaning: 'Send the file as multipart/form-data.' },
  rate_limited: { status: 429, meaning: 'Too many requests or attempts; `Retry-After` gives the seconds to wait.' },
  invitation_allowance: { status: 429, meaning: 'Your weekly invitation allowance is used up; `Retry-After` says when one frees up.' },
  introduction_quota: {
    status: 429,
    meaning: 'You have started as many introduction requests this week as your account allows (`params.weekly`); `Retry-After` says when one frees up.',
  },
  headers_too_large: { status: 431, meaning: 'The request headers are too large.' },

  // 500
  internal_error: { status: 500, meaning: 'Something went wrong on the server; it is logged, and the message never gives details.' },

  // 503
  database_timeout: {
    status: 503,
    meaning: 'The database answered too slowly (a statement ran past `DATABASE_STATEMENT_TIMEOUT_MS`, or no connection freed up within `DATABASE_ACQUIRE_TIMEOUT_MS`); the request was given up rather than left waiting, and any write in it was rolled back. `Retry-After` says when to try again.',
  },
  database_unavailable: {
    status: 503,
    meaning: 'The database cannot be reached for now (restarting, or the connection was refused or cut); nothing was done. `Retry-After` says when to try again; the server reconnects on its own.',
  },

  // 507
  storage_full: {
    status: 507,
    meaning: "The server's disk is full: the upload or file was not stored (nothing partial is kept). An operator must free space; the same request then succeeds.",
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

/** A stable error code: the only strings the server may answer in a problem's `code`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes answered with one HTTP status, e.g. `CodeWithStatus<409>`. */
export type CodeWithStatus<S extends number> = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends S ? C : never }[ErrorCode];

export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ERROR_CODES, value);
