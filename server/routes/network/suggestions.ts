import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestionList, suggestionQuery } from '../../../common/schemas/network.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { approachableMemberByHandle } from '../../queries/members.ts';
import { dismissSuggestion } from '../../commands/network/dismiss-suggestion.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { hydratePeople } from '../../hydration/people.ts';
import { presentActionableCard } from '../../views/person-card.ts';
import { suggestPeople } from '../../queries/suggestions.ts';
import { FILTER_POOL_FACTOR, FILTER_POOL_MAX, filterConditions, matchingMembers } from '../../queries/garden/widen.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['network'];
const handleParams = z.strictObject({ handle });

export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/suggestions/people',
    {
      schema: {
        tags,
        summary: 'People you may know, each with the reasons it was suggested; optionally only those at a career stage, in an industry, function or place (or not in one)',
        querystring: suggestionQuery,
        response: { 200: suggestionList },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const { limit, ...filter } = request.query;
      // A filter (the garden's "widen this gap" links) ranks a wider pool and keeps those who match it.
      const conditions = filterConditions(filter);
      const pool = conditions.length ? Math.min(FILTER_POOL_MAX, limit * FILTER_POOL_FACTOR) : limit;
      let found = await suggestPeople({ db: ctx.db, graph: ctx.graph.index }, lens.actor.id, pool, {
        reinviteWaitMs: ctx.config.network.reinviteWaitMs,
        mode: request.query.mode,
      });
      if (conditions.length) {
        const keep = new Set((await matchingMembers(ctx.db, found.map((s) => s.memberId), conditions)).slice(0, limit));
        found = found.filter((s) => keep.has(s.memberId));
      }
      const people = await hydratePeople(lens, found.map((s) => s.memberId), { relations: true });
      const byId = new Map(people.map((p) => [p.record.id, presentActionableCard(lens.actor, p)]));
      return { items: found.filter((s) => byId.has(s.memberId)).map((s) => ({ person: byId.get(s.memberId)!, reasons: s.reasons })) };
    },
  );

  app.delete(
    '/suggestions/people/:handle',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Dismiss a suggestion ("not now"); it is shown less from then on', params: handleParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const other = await approachableMemberByHandle(ctx.db, viewerOf(request).actor.id, request.params.handle);
      await dismissSuggestion(ctx.db, viewerOf(request).actor.id, other.id);
      return reply.status(204).send(null);
    },
  );
};
