/**
 * Conversations, messages and message requests: the API's request and response shapes, shared by the
 * server's routes and the web client (docs/messages.md).
 *
 * A member's message settings decide, for each kind of sender, whether a conversation they start reaches the
 * inbox, waits in Requests, or is never delivered. The sender is never told which: every answer they get
 * (status, body, the conversation as they see it) is the same whatever the recipient's settings did.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { imageView } from './media.ts';
import { bigId, bigIdParam, cursor, handle, httpUrl, pageLimit, requiredText, text } from './primitives.ts';
import { page, personCard } from './search.ts';

/**
 * The kinds of sender a recipient's settings tell apart. The first three are the sender's degree to the
 * recipient (exactly one applies); `new_account` (an account younger than 30 days) and `flagged` (an open
 * moderation flag) apply on top of it. When several apply, the strictest setting wins (drop > filter > accept).
 */
export const SENDER_KINDS = ['connection', 'second', 'third_plus', 'new_account', 'flagged'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** accept: the inbox; filter: the Requests folder; drop: never delivered. */
export const MESSAGE_GATES = ['accept', 'filter', 'drop'] as const;
export type MessageGate = (typeof MESSAGE_GATES)[number];

/** Who reaches my inbox, my Requests, or nobody: one gate per kind of sender. PUT replaces all five. */
export const messageSettings = z.strictObject({
  connection: z.enum(MESSAGE_GATES),
  second: z.enum(MESSAGE_GATES),
  third_plus: z.enum(MESSAGE_GATES),
  new_account: z.enum(MESSAGE_GATES),
  flagged: z.enum(MESSAGE_GATES),
});
export type MessageSettings = z.infer<typeof messageSettings>;

/** A member who never chose: connections reach the inbox, everyone else waits in Requests. */
export const DEFAULT_MESSAGE_SETTINGS: MessageSettings = {
  connection: 'accept',
  second: 'filter',
  third_plus: 'filter',
  new_account: 'filter',
  flagged: 'filter',
};

/** What a request carries for its recipient to weigh: the sender's account is new, or has an open moderation flag. */
export const REQUEST_WARNINGS = ['new_account', 'flagged'] as const;
export type RequestWarning = (typeof REQUEST_WARNINGS)[number];

/** Where a conversation sits for me. Archived conversations keep their folder and are listed apart. */
export const CONVERSATION_FOLDERS = ['inbox', 'requests'] as const;
export type ConversationFolder = (typeof CONVERSATION_FOLDERS)[number];

/** The lists: the inbox and Requests (neither with archived conversations), and the archived ones. */
export const CONVERSATION_LISTS = ['inbox', 'requests', 'archived'] as const;
export type ConversationList = (typeof CONVERSATION_LISTS)[number];

const messageText = requiredText(LIMITS.messageMax);

/** A link attached to a message (http or https). Its preview (title, image) is not fetched yet. */
const linkAttachment = httpUrl;

/**
 * An image attached to a message: one of the sender's uploads (`POST /api/v1/media`) not yet attached (400
 * media_unknown otherwise, and nothing is sent), with its alt text. Only the conversation's members see it.
 */
const imageAttachment = { imageId: bigId.optional(), imageAlt: text(LIMITS.imageAltMax).optional() };

export const conversationCreate = z.strictObject({
  /** The other members, by handle: one for a one-to-one (continued if it exists), up to groupMax − 1 for a group. */
  to: z
    .array(handle)
    .min(1)
    .max(LIMITS.groupMax - 1)
    .superRefine((handles, ctx) => {
      const seen = new Set<string>();
      handles.forEach((h, i) => {
        if (seen.has(h)) ctx.addIssue({ code: 'custom', message: 'is named twice', path: [i] });
        seen.add(h);
      });
    }),
  text: messageText,
  link: linkAttachment.optional(),
  ...imageAttachment,
});
export type ConversationCreate = z.infer<typeof conversationCreate>;

/**
 * The answer to starting a conversation: the same whether the message reached the recipients' inbox,
 * their Requests or nobody.
 */
export const conversationCreated = z.object({ id: z.number(), messageId: z.number() });

export const messageCreate = z.strictObject({ text: messageText, link: linkAttachment.optional(), ...imageAttachment });
export type MessageCreate = z.infer<typeof messageCreate>;
export const messageCreated = z.object({ id: z.number(), conversationId: z.number() });

export const conversationParams = z.strictObject({ id: bigIdParam });

/** A member by handle: `GET /members/:handle/conversation` finds the viewer's one-to-one with them. */
export const conversationWithParams = z.strictObject({ handle });

export const conversationListQuery = z.strictObject({
  folder: z.enum(CONVERSATION_LISTS).default('inbox'),
  cursor,
  limit: pageLimit,
});

export const messageListQuery = z.strictObject({ cursor, limit: pageLimit });

/** What the viewer may do in a conversation, decided by the server's policies. */
export const conversationAbilities = z.object({
  /** Post a message (not in a one-to-one across a block, nor with a member who left). */
  canReply: z.boolean(),
  /** Move a request to the inbox. */
  canAccept: z.boolean(),
});

/** The last message as a list shows it: its text cut to messagePreviewMax characters. */
export const messagePreview = z.object({
  id: z.number(),
  /** The sender's handle; the viewer's own messages say `mine`. Null when the sender deleted their account (`deleted`). */
  senderHandle: z.string().nullable(),
  mine: z.boolean(),
  text: z.string(),
  createdAt: z.string(),
  /** Removed by the moderators: `text` is empty; show "Removed by the moderators" instead. */
  removed: z.boolean(),
  /** Its sender deleted their account: `text` is empty and the sender unnamed; show the tombstone ("Deleted member"). */
  deleted: z.boolean(),
});

/** A conversation as one of its members sees it. */
export const conversationSummary = z.object({
  id: z.number(),
  kind: z.enum(['direct', 'group']),
  /** The other members the viewer may see, each with degree and mutual count (never the viewer). */
  members: z.array(personCard),
  lastMessage: messagePreview.nullable(),
  /** When the last message the viewer can see arrived (or the conversation began). */
  lastActivityAt: z.string(),
  /** Messages from others since the viewer last read it, up to 100 (shown as "99+" past that). */
  unreadCount: z.number(),
  folder: z.enum(CONVERSATION_FOLDERS),
  muted: z.boolean(),
  archived: z.boolean(),
  /** For a request: what to weigh before accepting (the sender's account is new, or flagged). Kept after accepting. */
  warnings: z.array(z.enum(REQUEST_WARNINGS)),
  abilities: conversationAbilities,
  /**
   * A one-to-one whose other member deleted their account: `members` is empty, the history stays readable
   * (their messages as tombstones) and nothing more can be sent. Show "Deleted member".
   */
  peerDeleted: z.boolean(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const conversationPage = page(conversationSummary);

/** One message. */
export const messageView = z.object({
  id: z.number(),
  conversationId: z.number(),
  /** Null when the sender deleted their account (`deleted`). */
  sender: personCard.nullable(),
  mine: z.boolean(),
  text: z.string(),
  createdAt: z.string(),
  /** The attached link; a preview will join `url` once previews are fetched (the posts' fetcher). */
  link: z.object({ url: z.string() }).nullable(),
  /** The attached image, served only to the conversation's members who see this message. */
  image: imageView.nullable().optional(),
  /** Removed by the moderators: `text` is empty and `link` null; show "Removed by the moderators" in its place. */
  removed: z.boolean(),
  /**
   * A tombstone: the sender deleted their account, so `sender` is null, `text` empty, no link or image (and
   * `removed` is true too). Show "Deleted member" / "Message removed with its author's account" instead.
   */
  deleted: z.boolean(),
});
export type MessageView = z.infer<typeof messageView>;

/** Messages newest first; `nextCursor` pages back to older ones. */
export const messagePage = page(messageView);

/** For the header badge: inbox conversations with unread messages (muted and archived ones left out), and requests waiting. */
export const unreadCounts = z.object({ inbox: z.number(), requests: z.number() });
export type UnreadCounts = z.infer<typeof unreadCounts>;
