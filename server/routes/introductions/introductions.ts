import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  introductionCreate,
  introductionCreated,
  introductionDecline,
  introductionForward,
  introductionListQuery,
  introductionPage,
  introductionParams,
  introductionView,
} from '../../../common/schemas/introductions.ts';
import type { MessageDeps } from '../../commands/messages/deps.ts';
import { requestIntroduction } from '../../commands/introductions/request.ts';
import { acceptIntroduction, declineIntroduction, forwardIntroduction, leaveIntroduction } from '../../commands/introductions/steps.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { listIntroductions, loadIntroduction } from '../../queries/introductions/view.ts';
import { viewerOf } from '../../viewer/request.ts';
import { networkDeps } from '../network/lens.ts';

const tags = ['introductions'];
const messageDeps = (ctx: AppContext): MessageDeps => ({ db: ctx.db, graph: ctx.graph });
const one = z.object({ introduction: introductionView });

/** Double opt-in introductions (docs/architecture.md, "Events" and the introductions tables of migration 0027). */
export const introductionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  const answer = async (id: number, request: Parameters<typeof viewerOf>[0]) => {
    const introduction = await loadIntroduction(await viewerOf(request).load(), id);
    if (!introduction) throw notFound('introduction');
    return { introduction };
  };

  app.post(
    '/introductions',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Ask for an introduction to a 2nd- or 3rd-degree member along one of your paths to them (`via`: the introducers, in order, as GET /members/:handle/paths gives them), with a blurb they can forward. Only the first introducer is told.',
        body: introductionCreate,
        response: { 201: introductionCreated },
      },
    },
    async (request, reply) => {
      const created = await requestIntroduction(networkDeps(ctx), viewerOf(request).actor, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/introductions',
    {
      schema: {
        tags,
        summary: 'Introductions by your part in them: those you asked for, those waiting for you to forward, and those you received as the target',
        querystring: introductionListQuery,
        response: { 200: introductionPage },
      },
    },
    async (request) => listIntroductions(await viewerOf(request).load(), request.query.box, request.query),
  );

  app.get(
    '/introductions/:id',
    {
      schema: {
        tags,
        summary: 'One introduction you asked for, or that reached you (never before the previous person forwarded it)',
        params: introductionParams,
        response: { 200: one },
      },
    },
    async (request) => answer(request.params.id, request),
  );

  app.post(
    '/introductions/:id/forward',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'As the introducer whose turn it is, forward the introduction to the next person (the next introducer, or the target), with a note of your own',
        params: introductionParams,
        body: introductionForward,
        response: { 200: one },
      },
    },
    async (request) => {
      const { actor } = viewerOf(request);
      await forwardIntroduction(messageDeps(ctx), actor.id, request.params.id, request.body?.note);
      return answer(request.params.id, request);
    },
  );

  app.post(
    '/introductions/:id/decline',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Decline an introduction waiting for you (as an introducer or the target), with a reason the requester sees. `dontKnow`: "I don\'t know this person", which counts against the requester as for invitations.',
        params: introductionParams,
        body: introductionDecline,
        response: { 200: one },
      },
    },
    async (request) => {
      const { actor } = viewerOf(request);
      await declineIntroduction(messageDeps(ctx), actor.id, request.params.id, request.body ?? {});
      return answer(request.params.id, request);
    },
  );

  app.post(
    '/introductions/:id/accept',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'As the target, accept: a group conversation opens with the requester, the introducers and you',
        params: introductionParams,
        body: z.strictObject({}).nullish(),
        response: { 200: one },
      },
    },
    async (request) => {
      const { actor } = viewerOf(request);
      await acceptIntroduction(messageDeps(ctx), actor.id, request.params.id);
      return answer(request.params.id, request);
    },
  );

  app.post(
    '/introductions/:id/leave',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'As an introducer, leave the conversation the introduction opened: the requester and the target carry on without you',
        params: introductionParams,
        body: z.strictObject({}).nullish(),
        response: { 200: one },
      },
    },
    async (request) => {
      const { actor } = viewerOf(request);
      await leaveIntroduction(messageDeps(ctx), actor.id, request.params.id);
      return answer(request.params.id, request);
    },
  );
};
