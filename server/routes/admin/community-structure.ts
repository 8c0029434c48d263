import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityStructureView } from '../../../common/schemas/community-structure.ts';
import { ensureCommunityStructure } from '../../commands/community/structure.ts';
import { authorize } from '../../policies/index.ts';
import { loadCommunityStructure } from '../../queries/community/structure.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['admin'];

/**
 * Admin → Community's structure (issue 15): the community's clusters and the members who bridge them, and its
 * density over time, as the daily community.structure job computed them (computed once here on a new install).
 */
export const adminCommunityStructureRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'community.analytics', { kind: 'site' }));

  app.get(
    '/admin/community/structure',
    {
      schema: {
        tags,
        summary: "The community's clusters (sizes and labels), the members who bridge them, and density over time (operators only)",
        response: { 200: communityStructureView },
      },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      await ensureCommunityStructure(ctx.db, ctx.graph);
      return loadCommunityStructure(ctx.db, actor.id);
    },
  );
};
