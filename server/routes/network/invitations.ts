import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  invitationCreate,
  invitationListQuery,
  invitationPage,
  invitationParams,
  invitationSendResult,
  invitationView,
} from '../../../common/schemas/network.ts';
import { z } from 'zod';
import { answerInvitation, DONT_KNOW_UNDO_SECONDS, type InvitationAnswer, undoDontKnow } from '../../commands/network/respond-invitation.ts';
import { sendInvitation } from '../../commands/network/send-invitation.ts';
import { notFound } from '../../errors.ts';
import { countReceived, listInvitations, loadInvitation } from '../../queries/network/invitation.ts';
import { threadMessageCreate } from '../../../common/schemas/screening.ts';
import { postThreadMessage } from '../../commands/network/invitation-thread.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { viewerOf } from '../../viewer/request.ts';
import { networkDeps } from './lens.ts';

const tags = ['network'];

const ANSWER_SUMMARIES: Record<InvitationAnswer, string> = {
  accept: 'Accept an invitation: you are connected and follow each other. Accepting twice is harmless.',
  ignore: 'Ignore an invitation. The sender is not told; it leaves your inbox.',
  'dont-know': '"I don\'t know this person": declines, and this sender can never invite you again.',
  withdraw: 'Withdraw an invitation you sent. You can invite the same member again after a waiting period.',
};

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/invitations',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Invite a member to connect, with an optional personal note. If they had invited you, you are connected at once. From a comment (commentId), invite its author or the post\'s author: the comment becomes how you met.',
        body: invitationCreate,
        response: { 201: invitationSendResult, 200: invitationSendResult },
      },
    },
    async (request, reply) => {
      const { actor } = viewerOf(request);
      const result = await sendInvitation(networkDeps(ctx), actor, request.body);
      const invitation = await loadInvitation(await viewerOf(request).load(), result.invitationId);
      if (!invitation) throw notFound('invitation');
      return reply.status(result.outcome === 'invited' ? 201 : 200).send({ outcome: result.outcome, invitation });
    },
  );

  app.get(
    '/invitations',
    {
      schema: {
        tags,
        summary: 'Your pending invitations: received (your inbox) or sent',
        querystring: invitationListQuery,
        response: { 200: invitationPage },
      },
    },
    async (request) => listInvitations(await viewerOf(request).load(), request.query.box, request.query),
  );

  app.get(
    '/invitations/folders',
    {
      schema: {
        tags,
        summary: 'How many received invitations wait in your inbox and in "Other"',
        response: { 200: z.object({ inbox: z.number(), other: z.number() }) },
      },
    },
    // Counting needs neither the graph nor the viewer's blocks: no lens, one statement.
    async (request) => countReceived(ctx.db, viewerOf(request).actor.id),
  );

  app.get(
    '/invitations/:id',
    {
      schema: {
        tags,
        summary: 'One invitation you sent or received, with its thread (and, if you received it, its evidence)',
        params: invitationParams,
        response: { 200: z.object({ invitation: invitationView }) },
      },
    },
    async (request) => {
      const invitation = await loadInvitation(await viewerOf(request).load(), request.params.id);
      if (!invitation) throw notFound('invitation');
      return { invitation };
    },
  );

  app.post(
    '/invitations/:id/messages',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Ask for context before answering (recipient), or reply (sender). The thread stays with the invitation and the connection.',
        params: invitationParams,
        body: threadMessageCreate,
        response: { 201: z.object({ invitation: invitationView }) },
      },
    },
    async (request, reply) => {
      const { actor } = viewerOf(request);
      await postThreadMessage(networkDeps(ctx), actor.id, request.params.id, request.body.body);
      const invitation = await loadInvitation(await viewerOf(request).load(), request.params.id);
      if (!invitation) throw notFound('invitation');
      return reply.status(201).send({ invitation });
    },
  );

  for (const answer of Object.keys(ANSWER_SUMMARIES) as InvitationAnswer[]) {
    app.post(
      `/invitations/:id/${answer}`,
      {
        config: writeRateLimit(ctx.config),
        schema: {
          tags,
          summary: ANSWER_SUMMARIES[answer],
          params: invitationParams,
          body: z.strictObject({}).nullish(),
          response: { 200: z.object({ invitation: invitationView }) },
        },
      },
      async (request) => {
        const { actor } = viewerOf(request);
        await answerInvitation(networkDeps(ctx), actor.id, request.params.id, answer);
        const invitation = await loadInvitation(await viewerOf(request).load(), request.params.id);
        if (!invitation) throw notFound('invitation');
        return { invitation };
      },
    );
  }

  app.post(
    '/invitations/:id/undo',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: `Take back "I don't know this person" within ${DONT_KNOW_UNDO_SECONDS} seconds: the invitation is open again and no longer counts against its sender. 409 undo_expired after that.`,
        params: invitationParams,
        body: z.strictObject({}).nullish(),
        response: { 200: z.object({ invitation: invitationView }) },
      },
    },
    async (request) => {
      const { actor } = viewerOf(request);
      await undoDontKnow(networkDeps(ctx), actor.id, request.params.id);
      const invitation = await loadInvitation(await viewerOf(request).load(), request.params.id);
      if (!invitation) throw notFound('invitation');
      return { invitation };
    },
  );
};
