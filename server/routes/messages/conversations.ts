import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  conversationCreate,
  conversationCreated,
  conversationListQuery,
  conversationPage,
  conversationParams,
  conversationSummary,
  conversationWithParams,
  messageCreate,
  messageCreated,
  messageListQuery,
  messagePage,
  unreadCounts,
} from '../../../common/schemas/messages.ts';
import { acceptConversation, clearForMe, markRead, type Toggle, toggleConversation } from '../../commands/messages/conversation-state.ts';
import type { MessageDeps } from '../../commands/messages/deps.ts';
import { postMessage } from '../../commands/messages/post-message.ts';
import { startConversation } from '../../commands/messages/start-conversation.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { hydrateConversations, hydrateMessages } from '../../hydration/conversations.ts';
import { conversationVisible } from '../../policies/messages.ts';
import { countUnread, findDirectConversation, listConversations, loadConversation, loadMembership, type Membership } from '../../queries/messages/conversations.ts';
import { listMessages } from '../../queries/messages/messages.ts';
import { presentConversation, presentMessage } from '../../views/conversation.ts';
import type { LoadedViewer } from '../../viewer/viewer.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['messages'];
const emptyBody = z.strictObject({}).nullish();

const messageDeps = (ctx: AppContext): MessageDeps => ({ db: ctx.db, graph: ctx.graph });

/** The viewer's place in a conversation they can see; 404 otherwise, alike for every reason (policies/messages.ts). */
async function visibleMembership(viewer: LoadedViewer, id: number): Promise<Membership> {
  const membership = await loadMembership(viewer, id);
  if (!membership || !conversationVisible(membership)) throw notFound('conversation');
  return membership;
}

/** One conversation as the viewer sees it, presented; 404 when they cannot see it. */
async function shownConversation(viewer: LoadedViewer, id: number) {
  const row = await loadConversation(viewer, id);
  if (!row || !conversationVisible(row)) throw notFound('conversation');
  const [hydrated] = await hydrateConversations(viewer, [row]);
  return presentConversation(viewer.actor, hydrated!);
}

const ACTIONS: Record<'accept' | 'archive' | 'unarchive' | 'mute' | 'unmute' | 'read', string> = {
  accept: 'Accept a message request: the conversation moves to your inbox. Accepting twice is harmless. Replying accepts too.',
  archive: 'Archive a conversation: it leaves your inbox (or Requests) for the archived list until a new message arrives, unless you muted it.',
  unarchive: 'Bring an archived conversation back to its folder',
  mute: 'Mute a conversation: it no longer counts in your unread badge, and new messages leave it archived',
  unmute: 'Unmute a conversation',
  read: 'Mark everything in a conversation read. Others are never told (Rapport has no read receipts).',
};

export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/conversations',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Start a conversation with 1 to 9 members (by handle), or continue your one-to-one with one. The answer is the same whether their message settings put it in their inbox, their Requests or nowhere.',
        body: conversationCreate,
        response: { 201: conversationCreated },
      },
    },
    async (request, reply) => {
      const created = await startConversation(messageDeps(ctx), viewerOf(request).actor.id, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Your conversations, newest activity first: the inbox, Requests (message requests), or the archived ones',
        querystring: conversationListQuery,
        response: { 200: conversationPage },
      },
    },
    async (request) => {
      const viewer = await viewerOf(request).load();
      const page = await listConversations(viewer, request.query);
      const hydrated = await hydrateConversations(viewer, page.rows);
      return { items: hydrated.map((c) => presentConversation(viewer.actor, c)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/conversations/unread',
    {
      schema: {
        tags,
        summary: 'For the header badge: inbox conversations with unread messages (not muted or archived), and requests waiting',
        response: { 200: unreadCounts },
      },
    },
    async (request) => countUnread(await viewerOf(request).load()),
  );

  app.get(
    '/members/:handle/conversation',
    {
      schema: {
        tags,
        summary:
          'Your one-to-one with a member, when you have one you can see (a profile\'s Message button opens it); 404 otherwise. Writing to them with POST /conversations continues it either way.',
        params: conversationWithParams,
        response: { 200: conversationSummary },
      },
    },
    async (request) => {
      const viewer = await viewerOf(request).load();
      const id = await findDirectConversation(viewer, request.params.handle);
      if (id === null) throw notFound('conversation');
      return shownConversation(viewer, id);
    },
  );

  app.get(
    '/conversations/:id',
    { schema: { tags, summary: 'One of your conversations', params: conversationParams, response: { 200: conversationSummary } } },
    async (request) => shownConversation(await viewerOf(request).load(), request.params.id),
  );

  app.get(
    '/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'The messages of one of your conversations, newest first; `nextCursor` pages back to older ones',
        params: conversationParams,
        querystring: messageListQuery,
        response: { 200: messagePage },
      },
    },
    async (request) => {
      const viewer = await viewerOf(request).load();
      const membership = await visibleMembership(viewer, request.params.id);
      const page = await listMessages(viewer, request.params.id, membership.clearedBeforeMessageId, request.query);
      const hydrated = await hydrateMessages(viewer, page.rows);
      return { items: hydrated.map((m) => presentMessage(viewer.actor, m)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/conversations/:id/messages',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Add a message to one of your conversations. 404 if you are not in it. Replying to a request accepts it.',
        params: conversationParams,
        body: messageCreate,
        response: { 201: messageCreated },
      },
    },
    async (request, reply) => {
      const { id } = await postMessage(messageDeps(ctx), viewerOf(request).actor.id, request.params.id, request.body);
      return reply.status(201).send({ id, conversationId: request.params.id });
    },
  );

  for (const action of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) {
    app.post(
      `/conversations/:id/${action}`,
      {
        config: writeRateLimit(ctx.config),
        schema: { tags, summary: ACTIONS[action], params: conversationParams, body: emptyBody, response: { 200: conversationSummary } },
      },
      async (request) => {
        const viewer = await viewerOf(request).load();
        const { id } = request.params;
        await visibleMembership(viewer, id);
        const memberId = viewer.actor.id;
        if (action === 'accept') await acceptConversation(ctx.db, memberId, id);
        else if (action === 'read') await markRead(ctx.db, memberId, id);
        else await toggleConversation(ctx.db, memberId, id, `${action}d` as Toggle);
        return shownConversation(viewer, id);
      },
    );
  }

  app.delete(
    '/conversations/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Delete a conversation for yourself: its history up to now is hidden from you and it leaves your lists; a new message brings it back. The others keep theirs.',
        params: conversationParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const viewer = await viewerOf(request).load();
      await visibleMembership(viewer, request.params.id);
      await clearForMe(ctx.db, viewer.actor.id, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
