import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mutualsQuery, mutualsView, pathsQuery, pathsView } from '../../../common/schemas/network.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { memberByHandle } from '../../queries/members.ts';
import { notFound } from '../../errors.ts';
import { loadPersonCards } from '../../queries/network/people.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['network'];
const handleParams = z.strictObject({ handle });

export const graphRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/members/:handle/mutuals',
    {
      schema: {
        tags,
        summary: 'Connections you and this member share, most relevant first',
        params: handleParams,
        querystring: mutualsQuery,
        response: { 200: mutualsView },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const other = await memberByHandle(ctx.db, request.params.handle);
      if (lens.avoid.has(other.id)) throw notFound('member');
      const m = await ctx.graph.index.mutuals(lens.actor.id, other.id, request.query.limit, { avoid: lens.avoid });
      return { count: m.count, items: await loadPersonCards(lens, m.first) };
    },
  );

  app.get(
    '/members/:handle/paths',
    {
      schema: {
        tags,
        summary: "How you're connected: up to k shortest introduction paths (at most 3 hops), the likeliest to help first",
        params: handleParams,
        querystring: pathsQuery,
        response: { 200: pathsView },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const other = await memberByHandle(ctx.db, request.params.handle);
      if (lens.avoid.has(other.id)) throw notFound('member');
      const paths = await ctx.graph.index.paths(lens.actor.id, other.id, request.query.k, { avoid: lens.avoid });
      const cards = await loadPersonCards(lens, [...new Set(paths.flat())]);
      const byId = new Map(cards.map((c) => [c.id, c]));
      // A path through someone who has since left (suspended) is no path: drop it rather than show a gap.
      const shown = paths.map((p) => p.map((id) => byId.get(id))).filter((p) => p.every((c) => c !== undefined));
      return { paths: shown as NonNullable<(typeof shown)[number][number]>[][] };
    },
  );
};
