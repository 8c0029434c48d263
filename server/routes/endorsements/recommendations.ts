import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdId,
  recommendationActionParams,
  recommendationBox,
  recommendationBoxQuery,
  recommendationInput,
  recommendationRequestInput,
} from '../../../common/schemas/endorsements.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { decideRecommendation, type RecommendationAction, requestRecommendation, writeRecommendation } from '../../commands/endorsements/recommendations.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { loadPersonCards } from '../../queries/network/people.ts';
import { recommendationBox as loadBox } from '../../queries/endorsements/recommendations.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['recommendations'];
const handleParams = z.strictObject({ handle });
const decided = z.object({ id: z.number(), status: z.enum(['pending', 'visible', 'hidden', 'declined']) });

const ACTIONS: Record<RecommendationAction, string> = {
  approve: 'Approve a recommendation written for you: it shows on your profile, under its position.',
  decline: 'Decline a recommendation written for you: it never shows (its author is not told).',
  hide: 'Hide a recommendation shown on your profile (you can show it again).',
  show: 'Show again a recommendation you hid.',
};

export const recommendationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/members/:handle/recommendation-requests',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Ask a 1st-degree connection to recommend you for one of your positions, with a message',
        params: handleParams,
        body: recommendationRequestInput,
        response: { 201: createdId },
      },
    },
    async (request, reply) => {
      const made = await requestRecommendation(ctx.db, viewerOf(request).actor, request.params.handle, request.body);
      return reply.status(201).send(made);
    },
  );

  app.post(
    '/members/:handle/recommendations',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: "Write a recommendation for a 1st-degree connection's position, answering their request (requestId) or unasked. It shows once they approve it.",
        params: handleParams,
        body: recommendationInput,
        response: { 201: createdId },
      },
    },
    async (request, reply) => {
      const made = await writeRecommendation(ctx.db, viewerOf(request).actor, request.params.handle, request.body);
      return reply.status(201).send(made);
    },
  );

  app.get(
    '/recommendations',
    {
      schema: {
        tags,
        summary: 'Your recommendations: received (pending, shown or hidden), written (with their status), or requests waiting for you to write',
        querystring: recommendationBoxQuery,
        response: { 200: recommendationBox },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const page = await loadBox(lens, request.query.box, request.query);
      const cards = new Map((await loadPersonCards(lens, page.rows.map((r) => r.otherId))).map((c) => [c.id, c]));
      return {
        items: page.rows.flatMap(({ otherId, ...r }) => {
          const other = cards.get(otherId);
          return other ? [{ ...r, other }] : [];
        }),
        nextCursor: page.nextCursor,
      };
    },
  );

  for (const action of Object.keys(ACTIONS) as RecommendationAction[]) {
    app.post(
      `/recommendations/:id/${action}`,
      {
        config: writeRateLimit(ctx.config),
        schema: { tags, summary: ACTIONS[action], params: recommendationActionParams, response: { 200: decided } },
      },
      async (request) => decideRecommendation(ctx.db, viewerOf(request).actor, request.params.id, action),
    );
  }
};
