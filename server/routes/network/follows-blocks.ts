import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blockedList, blockState, followState } from '../../../common/schemas/network.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { blockMember, unblockMember } from '../../commands/network/blocks.ts';
import { approachableMemberByHandle } from '../../queries/members.ts';
import { followMember, unfollowMember } from '../../commands/network/follow.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { listBlocks } from '../../queries/network/lists.ts';
import { hydrateListed } from '../../hydration/listed-people.ts';
import { presentListedCard } from '../../views/person-card.ts';
import { networkDeps } from './lens.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['network'];
const handleParams = z.strictObject({ handle });

export const followBlockRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.put(
    '/members/:handle/follow',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: "Follow a member (one way; separate from connecting). Refused when their setting allows only connections.",
        params: handleParams,
        response: { 200: followState },
      },
    },
    async (request) => {
      const other = await approachableMemberByHandle(ctx.db, viewerOf(request).actor.id, request.params.handle);
      await followMember(networkDeps(ctx), viewerOf(request).actor.id, other.id);
      return { following: true };
    },
  );

  app.delete(
    '/members/:handle/follow',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Stop following a member', params: handleParams, response: { 200: followState } } },
    async (request) => {
      const other = await approachableMemberByHandle(ctx.db, viewerOf(request).actor.id, request.params.handle);
      await unfollowMember(networkDeps(ctx), viewerOf(request).actor.id, other.id);
      return { following: false };
    },
  );

  app.put(
    '/members/:handle/block',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Block a member: removes the connection, follows and open invitations; neither of you can see, find, invite or follow the other',
        params: handleParams,
        response: { 200: blockState },
      },
    },
    async (request) => {
      const other = await approachableMemberByHandle(ctx.db, viewerOf(request).actor.id, request.params.handle);
      await blockMember(networkDeps(ctx), viewerOf(request).actor.id, other.id);
      return { blocked: true };
    },
  );

  app.delete(
    '/members/:handle/block',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Unblock a member (nothing is restored automatically)', params: handleParams, response: { 200: blockState } } },
    async (request) => {
      const other = await approachableMemberByHandle(ctx.db, viewerOf(request).actor.id, request.params.handle);
      await unblockMember(networkDeps(ctx), viewerOf(request).actor.id, other.id);
      return { blocked: false };
    },
  );

  app.get(
    '/me/blocks',
    { schema: { tags, summary: 'Members you have blocked', response: { 200: blockedList } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      const blocked = await hydrateListed(lens, await listBlocks(lens), { blocked: true });
      return { items: blocked.map((l) => presentListedCard(lens.actor, l)) };
    },
  );
};
