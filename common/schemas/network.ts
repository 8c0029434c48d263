/**
 * The network API contract: invitations, connections, follows, blocks, mutuals, paths and suggestions.
 * Shared by the server (validation and OpenAPI) and the web client.
 */
import { z } from 'zod';
import { CAREER_STAGES, LIMITS } from '../limits.ts';
import { bigId, bigIdParam, cursor, email, handle, pageLimit, queryText, reasonView, text } from './primitives.ts';
import { invitationEvidence, threadMessage } from './screening.ts';
import { page, personCard, personCardWithConnection } from './search.ts';

/**
 * Where a connection began. The server records it: a client names only the surface it sent an
 * invitation from (INVITATION_SOURCES, checked where it can be); 'import' is set by the importers, and
 * 'introduction' and 'comment' are kept for the server features of those names (docs/api.md).
 */
export const INVITATION_CONTEXTS = ['profile', 'search', 'suggestion', 'import', 'comment', 'introduction', 'network', 'directory'] as const;
export const invitationContext = z.enum(INVITATION_CONTEXTS);
/** The surfaces a client may say it sent an invitation from: a profile, search, "People you may know", a network list. */
export const INVITATION_SOURCES = ['profile', 'search', 'suggestion', 'network', 'directory'] as const;
export type InvitationSource = (typeof INVITATION_SOURCES)[number];

export const invitationCreate = z.strictObject({
  to: handle,
  note: text(LIMITS.invitationNoteMax).default(''),
  /** Where it was sent from; anything else (an introduction, a comment, an import) is 400 validation_failed. */
  context: z.enum(INVITATION_SOURCES).default('profile'),
  /** The recipient's email address, for members who accept invitations only from people who know it. */
  email: email.optional(),
  /**
   * Sent from this comment: `to` must be its author or the post's author, and the server records the
   * context `comment` (whatever `context` says) and keeps the comment as the connection's origin.
   */
  commentId: bigId.optional(),
});
export type InvitationCreate = z.infer<typeof invitationCreate>;

/**
 * The comment an invitation was sent from, for "comment on Ana's post": the comment, its post, and the post's
 * author (null when the viewer can no longer see them). Null once the comment is deleted (the context stays).
 */
export const originComment = z.object({
  id: z.number(),
  postId: z.number(),
  postAuthor: z.object({ handle: z.string(), name: z.string() }).nullable(),
});
export type OriginComment = z.infer<typeof originComment>;

/** What the viewer sees of an invitation. An ignored invitation shows as pending to its sender: ignoring is silent. */
export const invitationView = z.object({
  id: z.number(),
  from: personCard,
  to: personCard,
  note: z.string(),
  context: invitationContext,
  /** Context `comment`: the comment it was sent from ("your comment on Ana's post"), while it exists. */
  comment: originComment.nullable().optional(),
  status: z.enum(['pending', 'accepted', 'ignored', 'withdrawn', 'dont_know', 'expired', 'blocked']),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** For the recipient only: where screening placed it and the evidence behind it. Null for the sender. */
  screening: z
    .object({
      folder: z.enum(['inbox', 'other', 'held', 'auto']),
      /** Which rule or judgement put it in its folder; null for one never screened (made by an import). */
      placement: reasonView.nullable(),
      evidence: invitationEvidence,
    })
    .nullable(),
  /** "Ask for context": the short thread between the two, oldest first. */
  thread: z.array(threadMessage),
});
export type InvitationView = z.infer<typeof invitationView>;

/** POST /invitations: either a new pending invitation, or, when the other member had already invited the sender, a connection. */
export const invitationSendResult = z.object({
  outcome: z.enum(['invited', 'connected']),
  invitation: invitationView,
});
export type InvitationSendResult = z.infer<typeof invitationSendResult>;

export const invitationListQuery = z.strictObject({
  box: z.enum(['received', 'sent']).default('received'),
  /** Received invitations only: the inbox, or "Other" where screening put the ones to look at later. */
  folder: z.enum(['inbox', 'other']).default('inbox'),
  cursor,
  limit: pageLimit,
});
export const invitationPage = page(invitationView);

export const invitationParams = z.strictObject({ id: bigIdParam });


/** A connection as listed: the person, when it was made and where it began ("how we met"). */
export const connectionCard = personCard.extend({
  connectedAt: z.string(),
  /** How the connection began; the invitation (with its "ask for context" thread) is at GET /invitations/:id. */
  origin: z
    .object({
      context: z.string(),
      note: z.string().nullable(),
      invitationId: z.number().nullable(),
      /** Context `comment`: the comment the invitation was sent from, while it exists. */
      comment: originComment.nullable().optional(),
    })
    .nullable(),
});
export type ConnectionCard = z.infer<typeof connectionCard>;

export const connectionListQuery = z.strictObject({
  q: queryText(LIMITS.searchQueryMax).default(''),
  sort: z.enum(['recent', 'name']).default('recent'),
  /** Only those carrying one of my relationship tags (on my own list; private, docs/relationships.md). */
  tag: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  cursor,
  limit: pageLimit,
});
export const connectionPage = page(connectionCard);

export const followCard = personCard.extend({ followedAt: z.string() });
export const followListQuery = z.strictObject({ cursor, limit: pageLimit });
export const followPage = page(followCard);

export const followState = z.object({ following: z.boolean() });
export const blockState = z.object({ blocked: z.boolean() });

export const blockedCard = personCard.extend({ blockedAt: z.string() });
export const blockedList = z.object({ items: z.array(blockedCard) });

export const mutualsView = z.object({ count: z.number(), items: z.array(personCard) });
export const mutualsQuery = z.strictObject({ limit: pageLimit });

/** Each path runs from the viewer to the target: [viewer, …, target]. */
export const pathsView = z.object({ paths: z.array(z.array(personCard)) });
export const pathsQuery = z.strictObject({ k: z.coerce.number().int().min(1).max(10).default(3) });

export const suggestionView = z.object({
  person: personCardWithConnection,
  /**
   * Why this person is suggested, most telling first: a code with parameters, and `text` in English
   * ("14 mutual connections: Ana Ruiz, Li Wei and 12 others", "Both at Acme, 2019–2021"). Codes:
   * `suggestion.mutual_connections` {count, names}, `suggestion.same_organisation` {organisation,
   * fromYear, toYear?}, `suggestion.same_school` {school, fromYear, toYear?}, `suggestion.same_place`
   * {place}, `suggestion.same_industry` {industry}, `suggestion.replied_to_each_other` {count, name}
   * ("You and Ana Ruiz have replied to each other 4 times").
   */
  reasons: z.array(reasonView),
});
export const suggestionList = z.object({ items: z.array(suggestionView) });
/** A profile value to filter people you may know by (the garden's "widen this gap" links): compared trimmed and case-blind. */
const suggestionFilterText = queryText(LIMITS.industryMax);
export const suggestionQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  /** 'widen': "widen my garden", favouring organisations the viewer's network has few people from. */
  mode: z.enum(['relevance', 'widen']).default('relevance'),
  /** Only people at this career stage; an unknown stage is a 400. */
  careerStage: z.enum(CAREER_STAGES).optional(),
  industry: suggestionFilterText.optional(),
  function: suggestionFilterText.optional(),
  location: suggestionFilterText.optional(),
  /** Only people who said an industry, function or place other than this one (widening "all in Milan"). */
  notIndustry: suggestionFilterText.optional(),
  notFunction: suggestionFilterText.optional(),
  notLocation: suggestionFilterText.optional(),
});
export type SuggestionQuery = z.infer<typeof suggestionQuery>;

/** The viewer's relationship to a member, as a profile shows it. */
export const relationshipState = z.object({
  connection: z.enum(['self', 'connected', 'pending_sent', 'pending_received', 'none']),
  /** The pending invitation (either way), so a profile can accept or withdraw it in place. */
  invitationId: z.number().nullable(),
  /** Once connected: the invitation that connected them, with its "ask for context" thread (GET /invitations/:id). */
  originInvitationId: z.number().nullable(),
  following: z.boolean(),
  canFollow: z.boolean(),
  canInvite: z.boolean(),
  blocked: z.boolean(),
});
export type RelationshipState = z.infer<typeof relationshipState>;
