import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { gardenQuery, gardenView } from '../../../common/schemas/garden.ts';
import { ensureGardenBaselines } from '../../commands/garden/baseline.ts';
import { gardenCacheOf } from '../../garden/cache.ts';
import { assembleGarden, type Garden } from '../../queries/garden/garden.ts';
import { knownConnections, loadGardenRows } from '../../queries/garden/network.ts';
import { type GardenStructure, gardenStructure } from '../../queries/garden/structure.ts';
import type { Lens } from '../../viewer/viewer.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['garden'];

export const gardenRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  /**
   * Reads the member's garden; the route caches it (garden/cache.ts) until something it counts changes
   * (their connections, blocks, or a counted member's profile or status), which also covers the clusters.
   */
  const loadGarden = async (lens: Lens) => {
    const network = loadGardenRows(ctx.db, lens.actor.id);
    // The structure clusters while the rows load, then takes who counts and the clusters' labels from them.
    const [{ rows, connectionIds }, baselines, structure] = await Promise.all([
      network,
      ensureGardenBaselines(ctx.db),
      gardenStructure({ db: ctx.db, graph: ctx.graph }, lens, network.then(knownConnections)),
    ]);
    return { garden: { ...assembleGarden(rows, baselines), ...structure }, counted: connectionIds };
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
      const lens = await viewerOf(request).load();
      const cache = gardenCacheOf<Garden & GardenStructure>(ctx.db);
      const garden = cache ? await cache.get(lens.actor.id, () => loadGarden(lens)) : (await loadGarden(lens)).garden;
      const { dimension } = request.query;
      return {
        connections: garden.connections,
        dimensions: dimension ? garden.dimensions.filter((d) => d.name === dimension) : garden.dimensions,
        clusters: garden.clusters,
        bridges: garden.bridges,
        effectiveSize: garden.effectiveSize,
        constraint: garden.constraint,
        gaps: garden.gaps,
      };
    },
  );
};
