import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { feedPage, feedQuery, postCreate, postEdit, postListQuery, postView, topicParam } from '../../../common/schemas/posts.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { createPost, deletePost, editPost } from '../../commands/posts/posts.ts';
import { notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { visibleVisibilities } from '../../policies/posts.ts';
import { memberByHandle } from '../../queries/members.ts';
import { homeFeed, memberPostsPage, topicPostsPage } from '../../queries/posts/lists.ts';
import { homeTopFeed } from '../../queries/posts/top.ts';
import { presentPost } from '../../views/post.ts';
import { readLensOf } from '../../http/read-db.ts';
import { viewerOf } from '../../viewer/request.ts';
import { blockWith } from '../../viewer/viewer.ts';
import { created, idParams, presentPostPage, presentTopPage, tags, visiblePost } from './shared.ts';

export const postRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/posts',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Write a post for members, your connections or your followers (and connections); or repost one (repostOf), with an optional comment. Every @mention must be a member you can mention.',
        body: postCreate,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const id = await createPost(ctx.db, viewerOf(request).actor, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/posts/:id',
    { schema: { tags, summary: 'One post, if you may see it', params: idParams, response: { 200: postView } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      return presentPost(lens.actor, await visiblePost(lens, request.params.id));
    },
  );

  app.patch(
    '/posts/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Edit your post: its mentions and topics are read again, and it shows as edited. Answers the post as it is now.',
        params: idParams,
        body: postEdit,
        response: { 200: postView },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      await editPost(ctx.db, viewer.actor, request.params.id, request.body.text);
      const lens = await viewer.load();
      return presentPost(lens.actor, await visiblePost(lens, request.params.id));
    },
  );

  app.delete(
    '/posts/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Delete your post, with its comments and reactions', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deletePost(ctx.db, viewerOf(request).actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/feed',
    {
      // Only reads: whom the viewer follows comes from the graph index, the posts from a replica may be a few
      // seconds late, and the author's own new post is read from the primary (docs/operations.md, "Read replicas").
      config: { replicaReads: true },
      schema: {
        tags,
        summary:
          'Your home feed: posts by you and the members you follow that you may see. `recent`: newest first. `top`: the last three days (up to 100 posts) with what your connections and the members you follow reacted to or commented on moved up, each with its social proof, then older posts newest first (docs/feed.md)',
        querystring: feedQuery,
        response: { 200: feedPage },
      },
    },
    async (request) => {
      const lens = await readLensOf(request);
      if (request.query.order === 'top') return presentTopPage(lens, await homeTopFeed(lens, request.query));
      return presentPostPage(lens, await homeFeed(lens, request.query));
    },
  );

  app.get(
    '/members/:handle/posts',
    {
      schema: {
        tags,
        summary: "A member's posts that you may see, newest first (their activity)",
        params: z.strictObject({ handle }),
        querystring: postListQuery,
        response: { 200: feedPage },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const { actor } = lens;
      const author = await memberByHandle(ctx.db, request.params.handle);
      const block = blockWith(lens.blocks, author.id);
      if (block === 'they_blocked') throw notFound('member');
      const [connected = false] = await lens.graph.connectedTo(actor.id, [author.id]);
      const [following = false] = await lens.graph.following(actor.id, [author.id]);
      const visibilities = visibleVisibilities(actor, { id: author.id, status: author.status, block, connected, following });
      return presentPostPage(lens, await memberPostsPage(lens, author.id, visibilities, request.query));
    },
  );

  app.get(
    '/topics/:topic/posts',
    {
      schema: {
        tags,
        summary: 'Posts with a #topic that you may see, newest first',
        params: z.strictObject({ topic: topicParam }),
        querystring: postListQuery,
        response: { 200: feedPage },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      return presentPostPage(lens, await topicPostsPage(lens, request.params.topic, request.query));
    },
  );
};
