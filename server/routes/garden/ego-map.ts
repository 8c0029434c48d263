import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { egoMapView } from '../../../common/schemas/ego-map.ts';
import { egoMap } from '../../queries/garden/ego-map.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['garden'];

/** The drawing of the signed-in member's ego network: clusters, bridges and brokerage (issue 15, the garden). */
export const egoMapRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/me/garden/map',
    {
      schema: {
        tags,
        summary: 'Your connections clustered, the ties among them, who bridges your clusters, and your effective size and constraint',
        response: { 200: egoMapView },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      return egoMap({ db: ctx.db, graph: ctx.graph }, lens);
    },
  );
};
