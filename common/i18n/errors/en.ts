/**
 * The API's error messages in English, ICU MessageFormat, keyed by error code (common/error-codes.ts).
 * A code with several distinct situations (not_found: which thing; rate_limited: which budget) has one
 * message per situation, so its key is `code.situation`. The server renders the problem's `detail` from
 * here in the request's language (and `title` in English); the web translates by the same key and
 * parameters. Every other language is typed against this shape (it.ts), so a missing key fails tsc.
 *
 * `field` is not an error code: it words a field error (`errors[]` of validation_failed) by the error's
 * own code. For zod's issue codes (invalid_type … custom) it is used in languages other than English, where
 * the schema's own English message cannot be; the codes after those are the API's own field codes (a text
 * the display-text rules refuse, common/text.ts; a date order; a thrown field error), worded from here in
 * every language, English included.
 */
const errors = {
  bad_request: {
    http: 'The request is not valid HTTP.',
    unreadable: 'The request could not be understood.',
    content_length: 'The Content-Length header does not match the body.',
  },
  invalid_url: 'The address is not valid: it has malformed percent-encoding.',
  invalid_json: 'The body is empty or not valid JSON.',
  validation_failed: 'Some fields are not valid.',
  invalid_cursor: 'The cursor is not valid for this list. Start again without it.',
  invalid_range: {
    order: 'The first day of the range comes after the last. Swap them.',
    day: 'One of the days does not exist. Use a real date (YYYY-MM-DD).',
    length: 'The range is too long: ask for at most {max} days.',
  },
  invalid_upload: {
    malformed: 'The upload is not valid multipart/form-data, or it was cut short. Send it again.',
    one_file: 'Send one file and nothing else.',
  },
  photo_missing: 'Attach an image in the "photo" field.',
  import_file_missing: 'Attach the file to import in the "file" field.',
  invalid_image: 'The image could not be read. Try another file.',
  invalid_link: {
    confirmation: 'This confirmation link is invalid or has expired. Ask for a new one.',
    reset: 'This reset link is invalid or has expired. Ask for a new one.',
    unsubscribe: 'This unsubscribe link is not valid. Choose which emails you get in Settings.',
    email_invitation: 'This invitation link is not valid. Ask the person who invited you for a new one.',
  },
  wrong_password: 'Your current password is not correct.',
  weak_password: {
    too_short: 'Use at least {min} characters.',
    common: 'This password is too common.',
    repeated: 'Use more than one repeated character.',
    variety: 'Use a greater variety of characters.',
    email: 'Do not use your email address in your password.',
    name: 'Do not use your name as your password.',
  },
  email_is_member: 'This address belongs to a member of the community: find them and invite them to connect instead.',
  email_opted_out: 'The owner of this address asked not to receive invitations to join.',
  email_recently_invited: 'This address was invited to join in the last 7 days. It will not be emailed again so soon.',
  invitation_self: 'You cannot invite yourself.',
  follow_self: 'You cannot follow yourself.',
  block_self: 'You cannot block yourself.',
  report_self: 'You cannot report yourself.',
  recipient_unknown: 'There is no member you can message with the handle "{handle}".',
  message_self: 'You cannot send a message to yourself.',
  endorse_self: 'You cannot endorse your own skills.',
  recommendation_self: 'You cannot recommend yourself.',
  image_missing: 'Attach an image in the "image" field.',
  image_unsupported: 'This file is not an image we can read. Use a JPEG, PNG, WebP or GIF image.',
  image_too_large: 'This image is too large. Use one under {megabytes, number} MB and {megapixels, number} megapixels.',
  images_too_many: {
    post: 'A post can have at most {max, plural, one {# image} other {# images}}.',
    message: 'A message can have at most one image.',
    pending: 'You have {max, number} images waiting to be posted. Post or remove some first.',
  },
  relationship_self: 'You keep no relationship card on yourself.',
  tag_unknown: 'The tag {id} is not one of your tags. Reload and try again.',
  no_relationship: 'You can keep notes, tags and reminders only for your connections and people you have interacted with.',
  tag_name_taken: 'You already have a tag with this name.',
  export_in_progress: 'Your export is already being prepared. Wait for it to finish before requesting another.',
  opportunities_limit: 'You can keep at most {max, number} opportunities. Remove some old ones first.',
  opportunity_person_unknown: 'There is no member you can link to an opportunity with the handle "{handle}".',
  tags_limit: 'You can have at most {max, number} tags here.',
  suggestion_person_unknown: 'The newcomer cannot be introduced to "{handle}": no such member, someone suspended, restricted or blocked, or someone already connected to them or with an invitation waiting.',
  media_unknown: 'The image {id} is not one of your uploads waiting to be posted. Upload it again.',
  invalid_merge: {
    itself: 'An organisation cannot be merged into itself.',
    unknown: 'No organisation has id {id}.',
  },
  mention_unknown: 'You cannot mention @{handle}: there is no such member you can mention.',
  comment_parent_invalid: 'You can only reply to a comment on this post, and replies go one level deep: reply to the comment your reply answers.',
  invitation_comment_mismatch: 'From a comment, you can invite its author or the author of the post.',

  unauthenticated: 'Sign in to continue.',
  invalid_token: {
    token: 'This access token is not valid.',
    header: 'The Authorization header must be "Bearer <token>".',
  },
  invalid_credentials: 'The email address or password is not correct.',

  forbidden: 'You are not allowed to do this.',
  csrf_failed: 'Missing or invalid CSRF token. Reload the page and try again.',
  account_suspended: 'This account is suspended. Contact the operator of this community.',
  account_held:
    'Your account is waiting for review by the operators of this community. You can send invitations once they have looked at it.',
  invitations_restricted: 'An operator restricted your invitations: {reason}',
  note_links_not_allowed: 'New accounts cannot put links in invitation notes until they have some history here.',
  invitation_needs_email: 'This member accepts invitations only from people who know their email address. Add it to the invitation.',
  invitation_not_allowed: 'This member accepts invitations only from people within two degrees of them.',
  follow_not_allowed: 'This member can only be followed by their connections.',
  not_connected: 'Only your 1st-degree connections can do this. Connect first.',
  connections_private: "This member's connections are private.",
  not_author: {
    post: 'Only its author can change or delete this post.',
    comment: 'Only its author (or the author of the post) can change or delete this comment.',
  },
  repost_not_allowed: 'This post is shared with connections only, so it cannot be reposted.',
  messaging_restricted: {
    held: 'Your account is waiting for review by the operators of this community. Until then you can message your connections, but not start a conversation with anyone else.',
    restricted: 'An operator restricted your invitations, so you can message your connections but not start a conversation with anyone else: {reason}',
  },

  not_found: {
    route: 'No route for {method} {path}.',
    resource: 'Resource not found.',
    member: 'Member not found.',
    invitation: 'Invitation not found.',
    organisation: 'Organisation not found.',
    flag: 'Flag not found.',
    report: 'Report not found.',
    notice: 'Notice not found.',
    export: 'Export not found, or its link has expired.',
    token: 'Token not found.',
    photo: 'Photo not found.',
    post: 'Post not found.',
    comment: 'Comment not found.',
    conversation: 'Conversation not found.',
    job: 'Job not found.',
    image: 'Image not found.',
    message: 'Message not found.',
    introduction: 'Introduction not found.',
    note: 'Note not found.',
    tag: 'Tag not found.',
    skill: 'This member does not list that skill.',
    position: 'This member has no such position.',
    recommendation: 'Recommendation not found.',
    recommendation_request: 'Recommendation request not found.',
    import: 'Import not found.',
    contact: 'Contact not found.',
    opportunity: 'Opportunity not found.',
    profile_draft: 'No profile to review from your imports.',
  },

  request_timeout: 'The request took too long to arrive.',
  email_taken: 'An account with this email address already exists.',
  blocked: 'You have blocked this member. Unblock them first.',
  already_connected: 'You are already connected.',
  introduction_self: 'You cannot ask for an introduction to yourself.',
  introduction_unreachable: 'This member is not in your network: nobody you know can introduce you.',
  admire_target_required: 'Choose one person or one organisation to add.',
  admire_member_unknown: 'There is no member you can add with that name.',
  admire_organisation_unknown: 'There is no organisation with that name.',
  admire_self: 'You cannot add yourself to your admire list.',
  admire_stage_backwards: 'The pipeline only moves forward. To start again, remove the entry and add it anew.',
  introduction_connected: 'You are already connected: write to them directly.',
  introduction_path_invalid: 'This path to the member no longer exists in your network. Choose another path.',
  introduction_pending: 'You have already asked for an introduction to this member.',
  admire_duplicate: 'This is already on your admire list.',
  admire_list_full: 'Your admire list is full ({max} entries). Remove one to add another.',
  introduction_not_your_turn: 'It is not your turn to answer this introduction.',
  introduction_answered: 'You have already answered this introduction.',
  introduction_expired: 'This introduction expired.',
  introduction_closed: 'This introduction is closed: it was declined or accepted.',
  introduction_no_conversation: 'You are not in a conversation from this introduction.',
  introduction_quota: 'You have asked for {weekly} introductions this week, as many as your account allows. Try again in {days, plural, one {# day} other {# days}}.',
  invitation_pending: 'You have already invited this member.',
  invitation_cooldown:
    'You withdrew an invitation to this member recently. You can invite them again in {days, plural, one {# day} other {# days}}.',
  invitation_limit: 'You have {outstanding} invitations waiting for an answer. Withdraw some before sending more.',
  connection_limit: {
    you: 'You have reached the limit of {max, number} connections.',
    them: 'This member has reached the limit of {max, number} connections.',
  },
  invitation_accepted: 'This invitation has already been accepted.',
  invitation_withdrawn: 'This invitation was withdrawn.',
  invitation_expired: 'This invitation has expired.',
  invitation_declined: 'This invitation was declined.',
  invitation_closed: 'This invitation is no longer open.',
  invitation_not_open: {
    closed: 'This invitation is no longer open.',
    thread: 'This invitation has been answered or withdrawn; its thread is closed.',
  },
  thread_not_started: 'The recipient starts this thread by asking for context; your note is your first word.',
  thread_full: 'This thread has reached {max} messages. Accept the invitation to keep talking.',
  invitation_not_declined: 'This invitation was not answered "I don\'t know this person".',
  undo_expired: '"I don\'t know this person" can be undone for {seconds} seconds; it is final now.',
  undo_conflict: 'Something changed between you since (a new invitation, a connection or a block), so the invitation stays declined.',
  report_exists: {
    member: 'You already reported this member; an operator will look at it.',
    content: 'You already reported this; an operator will look at it.',
  },
  flag_closed: {
    dismissed: 'This flag was already dismissed.',
    actioned: 'This flag was already actioned.',
    other: 'This flag was already dealt with.',
  },
  report_closed: {
    dismissed: 'This report was already dismissed.',
    actioned: 'This report was already actioned.',
    other: 'This report was already dealt with.',
  },
  not_restricted: {
    any: 'This member has no active restriction.',
    kind: 'This member has no active restriction of that kind.',
  },
  member_suspended: 'Reinstate this member before making them an operator.',
  deletion_not_scheduled: 'Your account is not scheduled for deletion: there is nothing to cancel.',
  last_operator: 'A community needs at least one operator: make someone else an operator first.',
  already_removed: 'The moderators already removed this.',
  already_merged: {
    from: '{name} was already merged into another organisation.',
    into: '{name} was merged into another organisation; merge into that one instead.',
  },
  recommendation_request_open: 'You already asked this person for a recommendation for this position.',
  recommendation_request_closed: 'This request was already answered with a recommendation.',
  recommendation_exists: 'You already wrote a recommendation for this position.',
  recommendation_state: 'This recommendation has changed in the meantime: reload the page.',
  imports_running: 'You already have {max} imports being processed. Wait for one to finish.',
  import_state: 'This import is not waiting for that any more: reload the page.',
  import_mapping_no_name: 'Choose the column that holds each contact’s name: a full name, a first name or a last name.',
  contact_unmatched: 'This contact is not a member you can invite.',
  not_a_newcomer: 'This member already has 3 or more connections: they have found their people.',
  no_suggestions: 'Nobody could be suggested to this newcomer: nobody shares their organisation, place or industry yet. Choose people yourself.',
  job_not_dead: 'This job is not dead any more (it was retried, or is running or done): reload the list.',

  payload_too_large: {
    body: 'The request body is too large.',
    file: 'The file is too large.',
  },
  import_too_large: 'The file is too large: imports take up to {megabytes, number} MB.',
  uri_too_long: 'A part of the address is too long.',
  unsupported_media_type: {
    body: 'The body must be JSON.',
    photo: 'The photo must be a JPEG, PNG, WebP or GIF image.',
  },
  multipart_required: 'Send the file as multipart/form-data.',
  rate_limited: {
    requests: 'Too many requests: at most {max} a minute. Try again in {seconds} seconds.',
    network: 'Too many requests from your network. Try again in {seconds} seconds.',
    credentials: 'Too many invalid sessions or tokens from your network. Try again in {seconds} seconds.',
    confirmation:
      'The confirmation email was sent several times already. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
    sign_in: 'Too many sign-in attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
    sign_up: 'Too many sign-up attempts from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
    exports: 'You have requested {max} exports today, the most in a day. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
    reset: 'Too many reset requests for this address. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
    wrong_password: 'Too many wrong passwords. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  },
  invitation_allowance:
    'You have used your {weekly} invitations for this week. See "Your invitation allowance" on My Network for why it is {weekly}.',
  headers_too_large: 'The request headers are too large.',

  internal_error: 'Something went wrong on our side.',
  storage_full: 'The server has no room left to store this file. Nothing was kept; please try again later.',
  database_timeout: 'The service is too busy to answer right now. Nothing was changed; please try again in a few seconds.',
  database_unavailable: 'The service is briefly unavailable. Nothing was changed; please try again in a few seconds.',

  field: {
    invalid_type: 'is not valid',
    too_small: '{origin, select, string {must be at least {minimum} characters} array {must have at least {minimum} items} other {must be at least {minimum}}}',
    too_big: '{origin, select, string {must be at most {maximum} characters} array {must have at most {maximum} items} other {must be at most {maximum}}}',
    invalid_format: 'is not in the expected format',
    not_multiple_of: 'is not valid',
    unrecognized_keys: '{count, plural, one {unknown field} other {unknown fields}}: {keys}',
    invalid_union: 'is not valid',
    invalid_key: 'is not valid',
    invalid_element: 'is not valid',
    invalid_value: 'is not one of the allowed values',
    custom: 'is not valid',
    text_unicode: 'must be valid Unicode text',
    text_utf8: 'must be valid UTF-8 text',
    text_one_line: 'must be one line without control characters',
    text_control: 'must not contain control characters',
    text_direction: 'must not contain characters that change the direction of text',
    text_marks: 'must not pile up combining marks',
    text_empty: 'must not be empty',
    text_invisible: 'must contain visible characters',
    end_before_start: 'must not be before the start date',
    end_year_before_start: 'must not be before the start year',
    rule_without_condition: 'a rule needs at least one condition',
    unstorable: 'must not contain NUL characters or unpaired surrogates',
    unstorable_key: 'must not have keys with NUL characters or unpaired surrogates',
    into_itself: 'must be another organisation',
    into_unknown: 'must be an existing organisation',
    is_you: 'is you',
    one_subject: 'name one thing to report: an invitation, a post, a comment or a message',
    not_correct: 'is not correct',
  },
} as const;

export default errors;

/** The shape every language's error messages must have: the same keys, each a string. */
export type ErrorMessages<T = typeof errors> = { [K in keyof T]: T[K] extends string ? string : ErrorMessages<T[K]> };

/** A code's situations, when it has several (`not_found` → member, invitation…); never for a code with one message. */
export type Situation<C extends keyof typeof errors> = (typeof errors)[C] extends string ? never : keyof (typeof errors)[C] & string;

/** Every message's key: the code, or `code.situation` for a code with several (`not_found.member`). */
export type MessageKey = {
  [C in keyof typeof errors]: (typeof errors)[C] extends string ? C : `${C}.${keyof (typeof errors)[C] & string}`;
}[keyof typeof errors];

/** A message's ICU arguments. */
export type MessageParams = Record<string, string | number>;
