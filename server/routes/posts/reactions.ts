import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reactionSet, reactionSummary, reactorPage, reactorQuery } from '../../../common/schemas/posts.ts';
import { type ReactionTarget, removeReaction, setReaction } from '../../commands/posts/reactions.ts';
import { hydrateListed } from '../../hydration/listed-people.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { reactorsPage } from '../../queries/posts/lists.ts';
import { presentListedCard } from '../../views/person-card.ts';
import { presentReactions } from '../../views/post.ts';
import type { LoadedViewer } from '../../viewer/viewer.ts';
import { viewerOf } from '../../viewer/request.ts';
import { idParams, tags, visibleComment, visiblePost } from './shared.ts';

const ITEMS = { post: 'posts', comment: 'comments' } as const;

export const reactionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  for (const item of ['post', 'comment'] as const) {
    const path = `/${ITEMS[item]}/:id`;

    app.put(
      `${path}/reaction`,
      {
        config: writeRateLimit(ctx.config),
        schema: {
          tags,
          summary: `React to a ${item} you may see, or change your reaction (one per member). Answers the ${item}'s reactions as they are now.`,
          params: idParams,
          body: reactionSet,
          response: { 200: reactionSummary },
        },
      },
      async (request) => {
        const target: ReactionTarget = { item, id: request.params.id };
        const state = await setReaction(ctx.db, viewerOf(request).actor, target, request.body.kind);
        return presentReactions(state.counts, state.mine);
      },
    );

    app.delete(
      `${path}/reaction`,
      {
        config: writeRateLimit(ctx.config),
        schema: {
          tags,
          summary: `Take back your reaction to a ${item} (none to take back is fine). Answers the ${item}'s reactions as they are now.`,
          params: idParams,
          response: { 200: reactionSummary },
        },
      },
      async (request) => {
        const state = await removeReaction(ctx.db, viewerOf(request).actor, { item, id: request.params.id });
        return presentReactions(state.counts, state.mine);
      },
    );

    app.get(
      `${path}/reactions`,
      {
        schema: {
          tags,
          summary: `Who reacted to a ${item}, newest first (or of one kind), each with their degree and mutual count`,
          params: idParams,
          querystring: reactorQuery,
          response: { 200: reactorPage },
        },
      },
      async (request) => {
        const lens = await viewerOf(request).load();
        await visible(lens, item, request.params.id);
        const page = await reactorsPage(lens, { kind: item, id: request.params.id }, request.query);
        const people = await hydrateListed(lens, page.rows);
        return { items: people.map((l) => presentListedCard(lens.actor, l)), nextCursor: page.nextCursor };
      },
    );
  }
};

/** 404 unless the viewer may see the item. */
async function visible(lens: LoadedViewer, item: 'post' | 'comment', id: number): Promise<void> {
  if (item === 'post') await visiblePost(lens, id);
  else await visibleComment(lens, id);
}
