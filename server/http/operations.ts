import type { ErrorCode } from '../../common/error-codes.ts';

/**
 * Every operation of the API, as the OpenAPI document names it, keyed by "METHOD /path" as the route is
 * registered. One table, beside the routes rather than in them, so that the names generated clients get
 * read as one vocabulary and each operation's documented errors are reviewed in one place.
 *
 * `errors` lists the codes particular to the route. The codes every route of its kind answers are added
 * by openapi.ts (commonErrors): `rate_limited`; `validation_failed` under /api/; the body codes
 * (`invalid_json`, `unsupported_media_type`, `payload_too_large`) for routes with a JSON body; `invalid_cursor`
 * for lists with a cursor; and, for routes that need a member, `unauthenticated`, `invalid_token`,
 * `account_suspended` and, for writes, `csrf_failed`.
 *
 * A new route needs an entry here: openapi.test.ts fails for a documented route without one, and for an
 * entry whose route is gone.
 */
export interface Operation {
  /** camelCase, verb first: the method name a generated client gives the operation. Unique. */
  operationId: string;
  errors: readonly ErrorCode[];
  /** Answers with a server-sent event stream (text/event-stream) that stays open, not one JSON body. */
  stream?: true;
}

/** Operators-only routes answer `forbidden` to anyone else (authorize(…, 'admin.access')). */
const OPERATORS: ErrorCode[] = ['forbidden'];
/**
 * An answer to an invitation that is no longer open is refused with one code per way it closed, except the
 * ways that repeat the answer itself (a no-op, so a retried request is safe).
 */
const CLOSED: ErrorCode[] = ['invitation_accepted', 'invitation_withdrawn', 'invitation_expired', 'invitation_declined', 'invitation_closed'];
const answering = (...repeats: ErrorCode[]): ErrorCode[] => ['not_found', ...CLOSED.filter((code) => !repeats.includes(code))];

export const OPERATIONS: Record<string, Operation> = {
  // ops
  'GET /healthz': { operationId: 'getLiveness', errors: [] },
  'GET /readyz': { operationId: 'getReadiness', errors: [] },
  'GET /metrics': { operationId: 'getMetrics', errors: ['not_found', 'unauthenticated'] },

  // auth
  'POST /api/v1/auth/signup': { operationId: 'signUp', errors: ['weak_password', 'email_taken'] },
  'POST /api/v1/auth/login': { operationId: 'signIn', errors: ['invalid_credentials', 'account_suspended'] },
  'POST /api/v1/auth/logout': { operationId: 'signOut', errors: [] },
  'POST /api/v1/auth/tokens': { operationId: 'createTokenWithPassword', errors: ['invalid_credentials', 'account_suspended'] },
  'POST /api/v1/auth/verify-email': { operationId: 'verifyEmail', errors: ['invalid_link'] },
  'POST /api/v1/auth/verify-email/resend': { operationId: 'resendVerificationEmail', errors: [] },
  'POST /api/v1/auth/password-reset': { operationId: 'requestPasswordReset', errors: [] },
  'POST /api/v1/auth/password-reset/confirm': { operationId: 'confirmPasswordReset', errors: ['invalid_link', 'weak_password'] },
  'PUT /api/v1/me/password': { operationId: 'changePassword', errors: ['wrong_password', 'weak_password'] },

  // live updates
  'GET /api/v1/events': { operationId: 'streamLiveUpdates', errors: [], stream: true },

  // notifications
  'GET /api/v1/notifications': { operationId: 'listNotifications', errors: [] },
  'GET /api/v1/notifications/unread': { operationId: 'countUnreadNotifications', errors: [] },
  'POST /api/v1/notifications/read': { operationId: 'markNotificationsRead', errors: [] },
  'GET /api/v1/me/notification-settings': { operationId: 'getNotificationSettings', errors: [] },
  'PUT /api/v1/me/notification-settings': { operationId: 'updateNotificationSettings', errors: [] },
  'GET /api/v1/unsubscribe': { operationId: 'getUnsubscribeLink', errors: ['invalid_link'] },
  'POST /api/v1/unsubscribe': { operationId: 'unsubscribeWithOneClick', errors: ['invalid_link'] },

  // locale
  'GET /api/v1/locale': { operationId: 'getLocale', errors: [] },

  // me
  'GET /api/v1/me': { operationId: 'getMe', errors: [] },
  'PATCH /api/v1/me/profile': { operationId: 'updateProfile', errors: [] },
  'PUT /api/v1/me/photo': {
    operationId: 'uploadPhoto',
    errors: ['multipart_required', 'invalid_upload', 'photo_missing', 'invalid_image', 'payload_too_large', 'unsupported_media_type'],
  },
  'DELETE /api/v1/me/photo': { operationId: 'removePhoto', errors: [] },
  'DELETE /api/v1/me': { operationId: 'deleteAccount', errors: [] },
  'POST /api/v1/me/cancel-deletion': { operationId: 'cancelAccountDeletion', errors: ['deletion_not_scheduled'] },
  'GET /api/v1/me/deletion': { operationId: 'getAccountDeletion', errors: [] },
  'GET /api/v1/me/tokens': { operationId: 'listTokens', errors: [] },
  'POST /api/v1/me/tokens': { operationId: 'createToken', errors: [] },
  'DELETE /api/v1/me/tokens/:id': { operationId: 'revokeToken', errors: ['not_found'] },
  'GET /api/v1/me/notices': { operationId: 'listNotices', errors: [] },
  'POST /api/v1/me/notices/:id/read': { operationId: 'markNoticeRead', errors: ['not_found'] },

  // imports and contacts
  'POST /api/v1/imports': { operationId: 'startImport', errors: ['multipart_required', 'invalid_upload', 'import_file_missing', 'import_too_large', 'imports_running', 'storage_full'] },
  'GET /api/v1/imports': { operationId: 'listImports', errors: [] },
  'GET /api/v1/imports/history': { operationId: 'listImportedHistory', errors: [] },
  'GET /api/v1/imports/:id': { operationId: 'getImport', errors: ['not_found'] },
  'POST /api/v1/imports/:id/mapping': { operationId: 'mapImportColumns', errors: ['not_found', 'import_state', 'import_mapping_no_name'] },
  'GET /api/v1/imports/:id/profile-draft': { operationId: 'getImportProfileDraft', errors: ['not_found'] },
  'POST /api/v1/imports/:id/profile-draft/apply': { operationId: 'applyImportProfileDraft', errors: ['not_found', 'import_state'] },
  'GET /api/v1/contacts': { operationId: 'listContacts', errors: [] },
  'GET /api/v1/contacts/matches': { operationId: 'listContactMatches', errors: [] },
  'POST /api/v1/contacts/:id/connect': {
    operationId: 'connectContact',
    errors: [
      'not_found',
      'contact_unmatched',
      'blocked',
      'already_connected',
      'invitation_pending',
      'invitation_cooldown',
      'connection_limit',
      'account_held',
      'invitations_restricted',
      'invitation_allowance',
      'invitation_limit',
      'note_links_not_allowed',
      'invitation_needs_email',
      'invitation_not_allowed',
    ],
  },
  'POST /api/v1/contacts/:id/dismiss': { operationId: 'dismissContact', errors: ['not_found'] },
  'GET /api/v1/contacts/:id/notes': { operationId: 'listContactNotes', errors: ['not_found'] },
  'POST /api/v1/contacts/:id/notes': { operationId: 'addContactNote', errors: ['not_found'] },
  'PUT /api/v1/contacts/:id/tags': { operationId: 'setContactTags', errors: ['not_found'] },

  // members, search, organisations
  'GET /api/v1/members': { operationId: 'listMembers', errors: [] },
  'GET /api/v1/members/:handle': { operationId: 'getMember', errors: ['not_found'] },
  'GET /api/v1/members/:handle/photo': { operationId: 'getMemberPhoto', errors: ['not_found'] },
  'GET /api/v1/search/members': { operationId: 'searchMembers', errors: [] },
  'GET /api/v1/organisations': { operationId: 'suggestOrganisations', errors: [] },
  'GET /api/v1/organisations/:slug': { operationId: 'getOrganisation', errors: ['not_found'] },
  'GET /api/v1/organisations/:slug/members': { operationId: 'listOrganisationMembers', errors: ['not_found'] },

  // network: invitations
  'POST /api/v1/invitations': {
    operationId: 'sendInvitation',
    errors: [
      'not_found',
      'invitation_self',
      'blocked',
      'already_connected',
      'invitation_pending',
      'invitation_cooldown',
      'connection_limit',
      'account_held',
      'invitations_restricted',
      'invitation_allowance',
      'invitation_limit',
      'note_links_not_allowed',
      'invitation_needs_email',
      'invitation_not_allowed',
      'invitation_comment_mismatch',
    ],
  },
  'GET /api/v1/invitations': { operationId: 'listInvitations', errors: [] },
  'GET /api/v1/invitations/folders': { operationId: 'countInvitationFolders', errors: [] },
  'GET /api/v1/invitations/:id': { operationId: 'getInvitation', errors: ['not_found'] },
  'POST /api/v1/invitations/:id/messages': {
    operationId: 'postInvitationMessage',
    errors: ['not_found', 'invitation_not_open', 'thread_not_started', 'thread_full'],
  },
  'POST /api/v1/invitations/:id/accept': { operationId: 'acceptInvitation', errors: [...answering('invitation_accepted'), 'connection_limit'] },
  'POST /api/v1/invitations/:id/ignore': { operationId: 'ignoreInvitation', errors: answering() },
  'POST /api/v1/invitations/:id/dont-know': { operationId: 'declineInvitationAsUnknown', errors: answering('invitation_declined') },
  // "I don't know this person" is silent to its sender: to them a declined invitation is still open.
  'POST /api/v1/invitations/:id/withdraw': { operationId: 'withdrawInvitation', errors: answering('invitation_withdrawn', 'invitation_declined') },
  'POST /api/v1/invitations/:id/undo': {
    operationId: 'undoDeclineAsUnknown',
    errors: ['not_found', 'invitation_not_declined', 'undo_expired', 'undo_conflict'],
  },

  // relationship memory (private to its author)
  'GET /api/v1/members/:handle/relationship': { operationId: 'getRelationship', errors: ['not_found', 'relationship_self', 'no_relationship'] },
  'PATCH /api/v1/members/:handle/relationship': { operationId: 'updateRelationship', errors: ['not_found', 'relationship_self', 'no_relationship', 'tag_unknown', 'tags_limit'] },
  'GET /api/v1/members/:handle/notes': { operationId: 'listRelationshipNotes', errors: ['not_found', 'relationship_self', 'no_relationship'] },
  'POST /api/v1/members/:handle/notes': { operationId: 'addRelationshipNote', errors: ['not_found', 'relationship_self', 'no_relationship'] },
  'PATCH /api/v1/members/:handle/notes/:id': { operationId: 'editRelationshipNote', errors: ['not_found', 'relationship_self', 'no_relationship'] },
  'DELETE /api/v1/members/:handle/notes/:id': { operationId: 'deleteRelationshipNote', errors: ['not_found', 'relationship_self', 'no_relationship'] },
  'POST /api/v1/members/:handle/interactions': { operationId: 'logInteraction', errors: ['not_found', 'relationship_self', 'no_relationship'] },
  'GET /api/v1/keep-in-touch': { operationId: 'listKeepInTouch', errors: [] },
  'GET /api/v1/relationships': { operationId: 'listRelationships', errors: [] },
  'GET /api/v1/ledger': { operationId: 'getLedger', errors: [] },
  'GET /api/v1/members/:handle/ledger': { operationId: 'getPersonLedger', errors: ['not_found', 'relationship_self', 'no_relationship'] },
  'POST /api/v1/members/:handle/ledger': { operationId: 'logLedgerEntry', errors: ['not_found', 'relationship_self', 'no_relationship'] },

  // the opportunity log (private)
  'GET /api/v1/opportunities': { operationId: 'listOpportunities', errors: [] },
  'GET /api/v1/opportunities/report': { operationId: 'getOpportunityReport', errors: [] },
  'POST /api/v1/opportunities': { operationId: 'logOpportunity', errors: ['opportunity_person_unknown', 'opportunities_limit'] },
  'PATCH /api/v1/opportunities/:id': { operationId: 'updateOpportunity', errors: ['not_found', 'opportunity_person_unknown'] },
  'DELETE /api/v1/opportunities/:id': { operationId: 'deleteOpportunity', errors: ['not_found'] },
  'GET /api/v1/relationship-tags': { operationId: 'listRelationshipTags', errors: [] },
  // exports (docs/exports.md)
  'POST /api/v1/exports': { operationId: 'requestExport', errors: ['export_in_progress'] },
  'GET /api/v1/exports': { operationId: 'listExports', errors: [] },
  'GET /api/v1/exports/:id': { operationId: 'getExport', errors: ['not_found'] },
  'GET /api/v1/exports/:id/download': { operationId: 'downloadExport', errors: ['not_found'] },
  'POST /api/v1/relationship-tags': { operationId: 'createRelationshipTag', errors: ['tag_name_taken', 'tags_limit'] },
  'PATCH /api/v1/relationship-tags/:id': { operationId: 'updateRelationshipTag', errors: ['not_found', 'tag_name_taken'] },
  'DELETE /api/v1/relationship-tags/:id': { operationId: 'deleteRelationshipTag', errors: ['not_found'] },

  // outreach: one person a week (docs/outreach.md)
  'GET /api/v1/me/outreach': { operationId: 'getMyOutreach', errors: [] },
  'PUT /api/v1/me/outreach': { operationId: 'setMyOutreachGoal', errors: [] },
  'POST /api/v1/notes/check': { operationId: 'checkNote', errors: [] },

  // network: connections, follows, blocks, the graph, suggestions
  'GET /api/v1/me/connections': { operationId: 'listMyConnections', errors: [] },
  'DELETE /api/v1/connections/:handle': { operationId: 'removeConnection', errors: ['not_found'] },
  'GET /api/v1/members/:handle/connections': { operationId: 'listMemberConnections', errors: ['not_found', 'connections_private'] },
  'GET /api/v1/me/followers': { operationId: 'listFollowers', errors: [] },
  'GET /api/v1/me/following': { operationId: 'listFollowing', errors: [] },
  // endorsements and recommendations (docs/endorsements.md)
  'PUT /api/v1/members/:handle/skills/:skill/endorsement': { operationId: 'endorseSkill', errors: ['not_found', 'endorse_self', 'blocked', 'not_connected'] },
  'DELETE /api/v1/members/:handle/skills/:skill/endorsement': { operationId: 'unendorseSkill', errors: ['not_found', 'endorse_self'] },
  'GET /api/v1/members/:handle/skills/:skill/endorsers': { operationId: 'listSkillEndorsers', errors: ['not_found'] },
  'POST /api/v1/members/:handle/recommendation-requests': {
    operationId: 'requestRecommendation',
    errors: ['not_found', 'recommendation_self', 'blocked', 'not_connected', 'recommendation_request_open'],
  },
  'POST /api/v1/members/:handle/recommendations': {
    operationId: 'writeRecommendation',
    errors: ['not_found', 'recommendation_self', 'blocked', 'not_connected', 'recommendation_request_closed', 'recommendation_exists'],
  },
  'GET /api/v1/recommendations': { operationId: 'listRecommendations', errors: [] },
  'POST /api/v1/recommendations/:id/approve': { operationId: 'approveRecommendation', errors: ['not_found', 'recommendation_state'] },
  'POST /api/v1/recommendations/:id/decline': { operationId: 'declineRecommendation', errors: ['not_found', 'recommendation_state'] },
  'POST /api/v1/recommendations/:id/hide': { operationId: 'hideRecommendation', errors: ['not_found', 'recommendation_state'] },
  'POST /api/v1/recommendations/:id/show': { operationId: 'showRecommendation', errors: ['not_found', 'recommendation_state'] },
  'PUT /api/v1/members/:handle/follow': { operationId: 'followMember', errors: ['not_found', 'follow_self', 'blocked', 'follow_not_allowed'] },
  'DELETE /api/v1/members/:handle/follow': { operationId: 'unfollowMember', errors: ['not_found'] },
  'PUT /api/v1/members/:handle/block': { operationId: 'blockMember', errors: ['not_found', 'block_self'] },
  'DELETE /api/v1/members/:handle/block': { operationId: 'unblockMember', errors: ['not_found'] },
  'GET /api/v1/me/blocks': { operationId: 'listBlocks', errors: [] },
  'GET /api/v1/members/:handle/mutuals': { operationId: 'listMutualConnections', errors: ['not_found'] },
  'GET /api/v1/members/:handle/paths': { operationId: 'listIntroductionPaths', errors: ['not_found'] },

  // the garden
  'GET /api/v1/me/garden/map': { operationId: 'getEgoMap', errors: [] },

  // invitations to join, by email
  'POST /api/v1/email-invitations': {
    operationId: 'sendEmailInvitation',
    errors: ['email_is_member', 'email_opted_out', 'email_recently_invited', 'account_held', 'invitations_restricted', 'invitation_allowance', 'invitation_limit', 'note_links_not_allowed'],
  },
  'GET /api/v1/email-invitations': { operationId: 'listEmailInvitations', errors: [] },
  'GET /api/v1/email-invitations/no-more': { operationId: 'getEmailInvitationLink', errors: ['invalid_link'] },
  'POST /api/v1/email-invitations/no-more': { operationId: 'stopEmailInvitations', errors: ['invalid_link'] },
  'POST /api/v1/email-invitations/join': { operationId: 'joinFromEmailInvitation', errors: ['invalid_link'] },

  // introductions (double opt-in)
  'POST /api/v1/introductions': {
    operationId: 'requestIntroduction',
    errors: [
      'not_found',
      'introduction_self',
      'introduction_unreachable',
      'blocked',
      'introduction_connected',
      'introduction_path_invalid',
      'introduction_pending',
      'introduction_quota',
    ],
  },
  'GET /api/v1/introductions': { operationId: 'listIntroductions', errors: [] },
  'GET /api/v1/introductions/:id': { operationId: 'getIntroduction', errors: ['not_found'] },
  'POST /api/v1/introductions/:id/forward': { operationId: 'forwardIntroduction', errors: ['not_found', 'introduction_not_your_turn', 'introduction_answered', 'introduction_expired', 'introduction_closed', 'introduction_path_invalid'] },
  'POST /api/v1/introductions/:id/decline': { operationId: 'declineIntroduction', errors: ['not_found', 'introduction_not_your_turn', 'introduction_answered', 'introduction_expired', 'introduction_closed'] },
  'POST /api/v1/introductions/:id/accept': { operationId: 'acceptIntroduction', errors: ['not_found', 'introduction_not_your_turn', 'introduction_answered', 'introduction_expired', 'introduction_closed', 'introduction_path_invalid'] },
  'POST /api/v1/introductions/:id/leave': { operationId: 'leaveIntroduction', errors: ['not_found', 'introduction_no_conversation'] },
  // the admire list (issue 15, "map it out")
  'GET /api/v1/admire': { operationId: 'listAdmired', errors: [] },
  'POST /api/v1/admire': {
    operationId: 'addAdmired',
    errors: ['admire_target_required', 'admire_member_unknown', 'admire_organisation_unknown', 'admire_self', 'admire_duplicate', 'admire_list_full'],
  },
  'PATCH /api/v1/admire/:id': { operationId: 'updateAdmired', errors: ['not_found', 'admire_stage_backwards'] },
  'DELETE /api/v1/admire/:id': { operationId: 'removeAdmired', errors: ['not_found'] },
  'GET /api/v1/suggestions/people': { operationId: 'listPeopleSuggestions', errors: [] },
  // the garden (issue 15)
  'GET /api/v1/me/garden': { operationId: 'getGarden', errors: [] },
  'DELETE /api/v1/suggestions/people/:handle': { operationId: 'dismissPeopleSuggestion', errors: ['not_found'] },

  // messages: conversations, message requests and message settings
  'POST /api/v1/conversations': {
    operationId: 'startConversation',
    // Nothing here depends on the recipients' message settings: filtered and dropped answer as delivered.
    errors: ['recipient_unknown', 'message_self', 'blocked', 'messaging_restricted', 'media_unknown'],
  },
  'GET /api/v1/conversations': { operationId: 'listConversations', errors: [] },
  'GET /api/v1/conversations/unread': { operationId: 'countUnreadConversations', errors: [] },
  'GET /api/v1/members/:handle/conversation': { operationId: 'getConversationWith', errors: ['not_found'] },
  'GET /api/v1/conversations/:id': { operationId: 'getConversation', errors: ['not_found'] },
  'GET /api/v1/conversations/:id/messages': { operationId: 'listMessages', errors: ['not_found'] },
  'POST /api/v1/conversations/:id/messages': { operationId: 'postMessage', errors: ['not_found', 'media_unknown'] },
  'POST /api/v1/conversations/:id/accept': { operationId: 'acceptConversation', errors: ['not_found'] },
  'POST /api/v1/conversations/:id/archive': { operationId: 'archiveConversation', errors: ['not_found'] },
  'POST /api/v1/conversations/:id/unarchive': { operationId: 'unarchiveConversation', errors: ['not_found'] },
  'POST /api/v1/conversations/:id/mute': { operationId: 'muteConversation', errors: ['not_found'] },
  'POST /api/v1/conversations/:id/unmute': { operationId: 'unmuteConversation', errors: ['not_found'] },
  'POST /api/v1/conversations/:id/read': { operationId: 'markConversationRead', errors: ['not_found'] },
  'DELETE /api/v1/conversations/:id': { operationId: 'deleteConversationForMe', errors: ['not_found'] },
  'GET /api/v1/me/message-settings': { operationId: 'getMessageSettings', errors: [] },
  'PUT /api/v1/me/message-settings': { operationId: 'setMessageSettings', errors: [] },

  // screening and reports
  'GET /api/v1/me/screening': { operationId: 'getScreeningPolicy', errors: [] },
  'PUT /api/v1/me/screening': { operationId: 'setScreeningPolicy', errors: [] },
  'GET /api/v1/me/allowance': { operationId: 'getInvitationAllowance', errors: [] },
  'POST /api/v1/reports': { operationId: 'reportMember', errors: ['not_found', 'report_self', 'report_exists'] },

  // posts, the feed, comments and reactions (docs/feed.md)
  'POST /api/v1/posts': { operationId: 'createPost', errors: ['mention_unknown', 'not_found', 'repost_not_allowed', 'images_too_many', 'media_unknown'] },
  'GET /api/v1/posts/:id': { operationId: 'getPost', errors: ['not_found'] },
  'PATCH /api/v1/posts/:id': { operationId: 'editPost', errors: ['not_found', 'not_author', 'mention_unknown'] },
  'DELETE /api/v1/posts/:id': { operationId: 'deletePost', errors: ['not_found', 'not_author'] },
  // images on posts and messages, link preview images (docs/feed.md)
  'POST /api/v1/media': {
    operationId: 'uploadImage',
    errors: ['multipart_required', 'invalid_upload', 'image_missing', 'image_unsupported', 'image_too_large', 'images_too_many'],
  },
  'GET /api/v1/media/:id': { operationId: 'getImage', errors: ['not_found'] },
  'DELETE /api/v1/media/:id': { operationId: 'removeUpload', errors: ['not_found'] },
  'GET /api/v1/posts/:id/link-preview/image': { operationId: 'getLinkPreviewImage', errors: ['not_found'] },
  'GET /api/v1/feed': { operationId: 'getFeed', errors: [] },
  'GET /api/v1/members/:handle/posts': { operationId: 'listMemberPosts', errors: ['not_found'] },
  'GET /api/v1/topics/:topic/posts': { operationId: 'listTopicPosts', errors: [] },
  'POST /api/v1/posts/:id/comments': { operationId: 'addComment', errors: ['not_found', 'comment_parent_invalid', 'mention_unknown'] },
  'GET /api/v1/posts/:id/comments': { operationId: 'listComments', errors: ['not_found'] },
  'PATCH /api/v1/comments/:id': { operationId: 'editComment', errors: ['not_found', 'not_author', 'mention_unknown'] },
  'DELETE /api/v1/comments/:id': { operationId: 'deleteComment', errors: ['not_found', 'not_author'] },
  'PUT /api/v1/posts/:id/reaction': { operationId: 'reactToPost', errors: ['not_found'] },
  'DELETE /api/v1/posts/:id/reaction': { operationId: 'removePostReaction', errors: ['not_found'] },
  'GET /api/v1/posts/:id/reactions': { operationId: 'listPostReactions', errors: ['not_found'] },
  'PUT /api/v1/comments/:id/reaction': { operationId: 'reactToComment', errors: ['not_found'] },
  'DELETE /api/v1/comments/:id/reaction': { operationId: 'removeCommentReaction', errors: ['not_found'] },
  'GET /api/v1/comments/:id/reactions': { operationId: 'listCommentReactions', errors: ['not_found'] },

  // admin
  'GET /api/v1/admin/members': { operationId: 'listAdminMembers', errors: OPERATORS },
  'POST /api/v1/admin/members/:handle/suspend': { operationId: 'suspendMember', errors: [...OPERATORS, 'not_found'] },
  'POST /api/v1/admin/members/:handle/reinstate': { operationId: 'reinstateMember', errors: [...OPERATORS, 'not_found'] },
  'POST /api/v1/admin/members/:handle/promote': { operationId: 'promoteMember', errors: [...OPERATORS, 'not_found', 'member_suspended'] },
  'POST /api/v1/admin/members/:handle/demote': { operationId: 'demoteMember', errors: [...OPERATORS, 'not_found', 'last_operator'] },
  'POST /api/v1/admin/members/:handle/restrictions/lift': { operationId: 'liftRestrictions', errors: [...OPERATORS, 'not_found', 'not_restricted'] },
  'GET /api/v1/admin/outbox': { operationId: 'listOutbox', errors: OPERATORS },
  'GET /api/v1/admin/audit': { operationId: 'listAuditEvents', errors: OPERATORS },
  'GET /api/v1/admin/community': { operationId: 'getCommunityAnalytics', errors: [...OPERATORS, 'invalid_range'] },
  'POST /api/v1/admin/community/newcomers/:handle/welcome': { operationId: 'welcomeNewcomer', errors: [...OPERATORS, 'not_found', 'mention_unknown'] },
  'POST /api/v1/admin/community/newcomers/:handle/suggestions': {
    operationId: 'suggestIntroductions',
    errors: [...OPERATORS, 'not_found', 'suggestion_person_unknown', 'not_a_newcomer', 'no_suggestions'],
  },
  'GET /api/v1/admin/deletions': { operationId: 'countAccountDeletions', errors: OPERATORS },
  'GET /api/v1/admin/jobs': { operationId: 'countJobs', errors: OPERATORS },
  'GET /api/v1/admin/jobs/dead': { operationId: 'listDeadJobs', errors: OPERATORS },
  'GET /api/v1/admin/community/structure': { operationId: 'getCommunityStructure', errors: OPERATORS },
  'POST /api/v1/admin/jobs/:id/retry': { operationId: 'retryJob', errors: [...OPERATORS, 'not_found', 'job_not_dead'] },
  'POST /api/v1/admin/jobs/:id/discard': { operationId: 'discardJob', errors: [...OPERATORS, 'not_found', 'job_not_dead'] },
  'POST /api/v1/admin/jobs/digest': { operationId: 'runDigestNow', errors: OPERATORS },
  'GET /api/v1/admin/organisations': { operationId: 'listAdminOrganisations', errors: OPERATORS },
  'POST /api/v1/admin/organisations/:id/merge': {
    operationId: 'mergeOrganisation',
    errors: [...OPERATORS, 'not_found', 'invalid_merge', 'already_merged'],
  },
  'GET /api/v1/admin/moderation': { operationId: 'listModerationQueue', errors: OPERATORS },
  'POST /api/v1/admin/moderation/flags/:id/dismiss': { operationId: 'dismissFlag', errors: [...OPERATORS, 'not_found', 'flag_closed'] },
  'POST /api/v1/admin/moderation/flags/:id/warn': { operationId: 'warnFlaggedMembers', errors: [...OPERATORS, 'not_found', 'flag_closed'] },
  'POST /api/v1/admin/moderation/flags/:id/restrict': { operationId: 'restrictFlaggedMembers', errors: [...OPERATORS, 'not_found', 'flag_closed'] },
  'POST /api/v1/admin/moderation/flags/:id/suspend': { operationId: 'suspendFlaggedMembers', errors: [...OPERATORS, 'not_found', 'flag_closed'] },
  'POST /api/v1/admin/moderation/reports/:id/dismiss': { operationId: 'dismissReport', errors: [...OPERATORS, 'not_found', 'report_closed'] },
  'POST /api/v1/admin/moderation/reports/:id/warn': { operationId: 'warnReportedMember', errors: [...OPERATORS, 'not_found', 'report_closed'] },
  'POST /api/v1/admin/moderation/reports/:id/restrict': { operationId: 'restrictReportedMember', errors: [...OPERATORS, 'not_found', 'report_closed'] },
  'POST /api/v1/admin/moderation/reports/:id/suspend': { operationId: 'suspendReportedMember', errors: [...OPERATORS, 'not_found', 'report_closed'] },
  'POST /api/v1/admin/content/remove': { operationId: 'removeContent', errors: [...OPERATORS, 'not_found', 'already_removed'] },
};

/** The table's key for a route. */
export const operationKey = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

export const operationFor = (method: string, url: string): Operation | undefined => OPERATIONS[operationKey(method, url)];
