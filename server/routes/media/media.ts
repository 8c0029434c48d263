import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';
import { imageUploaded } from '../../../common/schemas/media.ts';
import { bigIdParam } from '../../../common/schemas/primitives.ts';
import { imageTooLarge, removeUpload, uploadImage } from '../../commands/media/uploads.ts';
import { badRequest, notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { readSingleUpload } from '../../http/upload.ts';
import { canSeeMedia } from '../../policies/media.ts';
import { canSeePost } from '../../policies/posts.ts';
import { loadServedMedia } from '../../queries/media.ts';
import { loadPreviewImage } from '../../queries/posts/link-preview.ts';
import { postFacts } from '../../queries/posts/facts.ts';
import { mediaUrl } from '../../views/media.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['media'];
const idParams = z.strictObject({ id: bigIdParam });
const version = z.strictObject({ v: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() });

/** A short private lifetime, as for photos: a block, a suspension or a deletion reaches a browser's cached copy within minutes. */
const CACHE = 'private, max-age=300';

export const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/media',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Upload an image to attach to a post or a message (multipart/form-data, field "image"; JPEG, PNG, WebP or GIF up to 10 MB, read by its content). It is re-encoded without its metadata, and expires unless attached within a day.',
        consumes: ['multipart/form-data'],
        response: { 201: imageUploaded },
      },
    },
    async (request, reply) => {
      let bytes: Buffer | null;
      try {
        bytes = await readSingleUpload(request, { maxBytes: LIMITS.imageBytesMax });
      } catch (err) {
        // Every refusal of the file itself is a 400 with its own code, as a client branches on it.
        if ((err as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw imageTooLarge();
        throw err;
      }
      if (!bytes || bytes.length === 0) throw badRequest('image_missing');
      const uploaded = await uploadImage(ctx.db, viewerOf(request).actor.id, bytes);
      return reply.status(201).send({
        id: uploaded.id,
        url: mediaUrl(uploaded.id),
        width: uploaded.width,
        height: uploaded.height,
        expiresAt: uploaded.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/media/:id',
    {
      schema: {
        tags,
        summary: 'An image (WebP): of a post you may see, of a message in a conversation of yours, or your own upload not yet attached',
        params: idParams,
      },
    },
    async (request, reply) => {
      const viewer = await viewerOf(request).load();
      const found = await loadServedMedia(viewer, request.params.id);
      if (!found || !canSeeMedia(viewer.actor, viewer.avoid, found.facts)) throw notFound('image');
      const etag = `"${found.etag}"`;
      reply.header('etag', etag).header('cache-control', CACHE);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(found.mimeType).send(found.content);
    },
  );

  app.delete(
    '/media/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Remove an upload of yours before it is attached to a post or a message', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (!(await removeUpload(ctx.db, viewerOf(request).actor.id, request.params.id))) throw notFound('image');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/posts/:id/link-preview/image',
    {
      schema: {
        tags,
        summary: "The image of a post's link preview (WebP), fetched and re-encoded by the server; for those who may see the post",
        params: idParams,
        // The URL carries the image's content tag (?v=…), so a new preview is a new URL to every cache.
        querystring: version,
      },
    },
    async (request, reply) => {
      const viewer = await viewerOf(request).load();
      const facts = await postFacts(ctx.db, viewer.actor.id, request.params.id);
      const image = facts && canSeePost(viewer.actor, facts) ? await loadPreviewImage(ctx.db, request.params.id) : null;
      if (!image) throw notFound('image');
      const etag = `"${image.etag}"`;
      reply.header('etag', etag).header('cache-control', CACHE);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('image/webp').send(image.content);
    },
  );
};
