import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { gardenQuery, gardenView } from '../../../common/schemas/garden.ts';
import { ensureGardenBaselines } from '../../commands/garden/baseline.ts';
import { gardenCacheOf } from '../../garden/cache.ts';
import { assembleGarden, type Garden } from '../../queries/garden/garden.ts';
import { loadGardenRows } from '../../queries/garden/network.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['garden'];

export const gardenRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  /** Reads the member's garden; the route caches it (garden/cache.ts) until something it counts changes. */
  const loadGarden = async (memberId: number) => {
    const [{ rows, connectionIds }, baselines] = await Promise.all([loadGardenRows(ctx.db, memberId), ensureGardenBaselines(ctx.db)]);
    return { garden: assembleGarden(rows, baselines), counted: connectionIds };
  };

  app.get(
    '/me/garden',
    {
      schema: {
        tags,
        summary: 'Your garden: your connections by industry, function, career stage, place, organisation and age band, how varied each is, and the gaps',
        querystring: gardenQuery,
        response: { 200: gardenView },
      },
    },
    async (request) => {
      // Only ever the signed-in member's own: a garden is private, to other members and to operators alike.
      const me = viewerOf(request).actor.id;
      const cache = gardenCacheOf<Garden>(ctx.db);
      const garden = cache ? await cache.get(me, () => loadGarden(me)) : (await loadGarden(me)).garden;
      const { dimension } = request.query;
      return {
        connections: garden.connections,
        dimensions: dimension ? garden.dimensions.filter((d) => d.name === dimension) : garden.dimensions,
        // wired to server/garden/ego-structure.ts at merge
        clusters: [],
        bridges: [],
        gaps: garden.gaps,
      };
    },
  );
};
