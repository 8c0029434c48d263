import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberDirectoryPage, memberDirectoryQuery } from '../../../common/schemas/directory.ts';
import { listDirectory } from '../../queries/directory.ts';
import { hydratePeople } from '../../hydration/people.ts';
import { presentActionableCard } from '../../views/person-card.ts';
import { readDbOf, readLensOf } from '../../http/read-db.ts';

/**
 * The member directory: where a member of a young community finds people when search has nothing to go
 * on and there is no network yet to suggest from.
 */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/members',
    {
      // Only reads; a new member may show a few seconds late (docs/operations.md, "Read replicas").
      config: { replicaReads: true },
      schema: {
        tags: ['members'],
        summary:
          'The member directory: active members newest first (or by name), filterable by organisation, place and industry; each with degree, mutual count and the viewer’s connection state',
        querystring: memberDirectoryQuery,
        response: { 200: memberDirectoryPage },
      },
    },
    async (request) => {
      const lens = await readLensOf(request);
      const { actor } = lens;
      const viewer = { id: actor.id, isAdmin: actor.role === 'admin' };
      const { rows, nextCursor } = await listDirectory(readDbOf(request), viewer, request.query, lens.avoid);
      const people = await hydratePeople(lens, rows.map((r) => r.id), { relations: true });
      return { items: people.map((p) => presentActionableCard(actor, p)), nextCursor };
    },
  );
};
