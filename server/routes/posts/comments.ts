import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commentCreate, commentEdit, commentPage, commentView, postListQuery } from '../../../common/schemas/posts.ts';
import { addComment, deleteComment, editComment } from '../../commands/posts/comments.ts';
import { hydrateComments } from '../../hydration/comments.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { commentsPage } from '../../queries/posts/lists.ts';
import { presentComment, presentThreads } from '../../views/comment.ts';
import { viewerOf } from '../../viewer/request.ts';
import { created, idParams, tags, visibleComment, visiblePost } from './shared.ts';

export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/posts/:id/comments',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Comment on a post you may see, or reply (parentId) to one of its top-level comments',
        params: idParams,
        body: commentCreate,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const id = await addComment(ctx.db, viewerOf(request).actor, request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/posts/:id/comments',
    {
      schema: {
        tags,
        summary: 'The comments on a post: top-level ones oldest first, each with its replies (oldest first)',
        params: idParams,
        querystring: postListQuery,
        response: { 200: commentPage },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const post = await visiblePost(lens, request.params.id);
      const page = await commentsPage(lens, post.record.id, request.query);
      const comments = await hydrateComments(lens, post.facts, page.threads.flatMap((t) => [t.id, ...t.replies]));
      return { items: presentThreads(lens.actor, page.threads, comments), nextCursor: page.nextCursor };
    },
  );

  app.patch(
    '/comments/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Edit your comment: its mentions are read again, and it shows as edited. Answers the comment as it is now.',
        params: idParams,
        body: commentEdit,
        response: { 200: commentView },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      await editComment(ctx.db, viewer.actor, request.params.id, request.body.text);
      const lens = await viewer.load();
      return presentComment(lens.actor, (await visibleComment(lens, request.params.id)).comment);
    },
  );

  app.delete(
    '/comments/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: "Delete your comment, or a comment on your post, with its replies",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteComment(ctx.db, viewerOf(request).actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
