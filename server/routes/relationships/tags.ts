/** My relationship tags (private): list, create, rename or recolour, give a cadence, delete. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/schemas/primitives.ts';
import { tagCreate, tagList, tagUpdate, tagView } from '../../../common/schemas/relationships.ts';
import { createTag, deleteTag, updateTag } from '../../commands/relationships/tags.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { listTags } from '../../queries/relationships/card.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['relationships'];
const idParams = z.strictObject({ id: idParam });

export const relationshipTagRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get('/relationship-tags', { schema: { tags, summary: 'My relationship tags, by name, with how many people carry each', response: { 200: tagList } } }, async (request) => ({
    items: await listTags(ctx.db, viewerOf(request).actor.id),
  }));

  app.post(
    '/relationship-tags',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Define a tag (a colour from the palette, an optional cadence)', body: tagCreate, response: { 201: tagView } } },
    async (request, reply) => reply.status(201).send(await createTag(ctx.db, viewerOf(request).actor.id, request.body)),
  );

  app.patch(
    '/relationship-tags/:id',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: "Rename, recolour or change a tag's cadence (its people's due dates follow)", params: idParams, body: tagUpdate, response: { 200: tagView } } },
    async (request) => updateTag(ctx.db, viewerOf(request).actor.id, request.params.id, request.body),
  );

  app.delete(
    '/relationship-tags/:id',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Delete a tag (it leaves every card that carried it)', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteTag(ctx.db, viewerOf(request).actor.id, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
