import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { admireCreate, admireList, admireOne, admireParams, admireUpdate } from '../../../common/schemas/admire.ts';
import { addAdmired, removeAdmired, updateAdmired } from '../../commands/admire/entries.ts';
import { notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { listAdmired } from '../../queries/admire/list.ts';
import type { Viewer } from '../../viewer/viewer.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['admire'];

/** The admire list (issue 15, "map it out"): private to its owner, so every route reads and writes only the caller's own entries. */
export const admireRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  const one = async (viewer: Viewer, id: number) => {
    const [entry] = await listAdmired(await viewer.load(), id);
    if (!entry) throw notFound();
    return { entry };
  };

  app.get(
    '/admire',
    {
      schema: {
        tags,
        summary: 'Your admire list, newest first: each member with your degree and best introduction paths, each organisation with the people you can reach there, and its pipeline stage',
        response: { 200: admireList },
      },
    },
    async (request) => ({ items: await listAdmired(await viewerOf(request).load()) }),
  );

  app.post(
    '/admire',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Add a member (`member`: handle) or an organisation (`organisation`: slug) to your admire list, with an optional note. Adding one already on the list is a conflict (409 admire_duplicate), not a no-op.',
        body: admireCreate,
        response: { 201: admireOne },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const id = await addAdmired(ctx.db, viewer.actor, request.body);
      return reply.status(201).send(await one(viewer, id));
    },
  );

  app.patch(
    '/admire/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Move an entry along its pipeline (identified → reached_out → replied → met → connected: forward by any number of steps, never back) with an optional note, or change its own note (`entryNote`)',
        params: admireParams,
        body: admireUpdate,
        response: { 200: admireOne },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      await updateAdmired(ctx.db, viewer.actor, request.params.id, request.body);
      return one(viewer, request.params.id);
    },
  );

  app.delete(
    '/admire/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Remove an entry from your admire list', params: admireParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeAdmired(ctx.db, viewerOf(request).actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
