import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectionListQuery, connectionPage, followListQuery, followPage } from '../../../common/schemas/network.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { approachableMemberByHandle, memberByHandle } from '../../queries/members.ts';
import { removeConnection } from '../../commands/network/remove-connection.ts';
import { eq } from 'drizzle-orm';
import { profiles } from '../../db/schema.ts';
import { forbidden, notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { allow } from '../../policies/index.ts';
import { hydrateListed } from '../../hydration/listed-people.ts';
import { listConnections, listFollows } from '../../queries/network/lists.ts';
import { presentListedCard } from '../../views/person-card.ts';
import type { Lens } from '../../viewer/viewer.ts';
import type { KeysetPage } from '../../http/cursor.ts';
import type { Listed } from '../../hydration/listed-people.ts';
import { networkDeps } from './lens.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['network'];
const handleParams = z.strictObject({ handle });

/** The read spine for a page of people: the skeleton's ids hydrated in one batch, then each presented as a card. */
async function presentPage<E extends object>(lens: Lens, page: KeysetPage<Listed<E>>) {
  return { items: (await hydrateListed(lens, page.rows)).map((l) => presentListedCard(lens.actor, l)), nextCursor: page.nextCursor };
}

export const connectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.delete(
    '/connections/:handle',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Remove a connection (the other member is not told)', params: handleParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const other = await approachableMemberByHandle(ctx.db, viewerOf(request).actor.id, request.params.handle);
      await removeConnection(networkDeps(ctx), viewerOf(request).actor.id, other.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/connections',
    {
      schema: {
        tags,
        summary: 'Your connections, newest first or by name, with how each began',
        querystring: connectionListQuery,
        response: { 200: connectionPage },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      return presentPage(lens, await listConnections(lens, lens.actor.id, request.query));
    },
  );

  app.get(
    '/members/:handle/connections',
    {
      schema: {
        tags,
        summary: "A member's connections, if their setting lets you see them (their connections, or only them)",
        params: handleParams,
        querystring: connectionListQuery,
        response: { 200: connectionPage },
      },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      const lens = await viewerOf(request).load();
      const owner = await memberByHandle(ctx.db, request.params.handle);
      if (lens.avoid.has(owner.id)) throw notFound('member');
      const [setting] = await ctx.db.select({ v: profiles.connectionsVisibility }).from(profiles).where(eq(profiles.memberId, owner.id));
      const [degree] = await ctx.graph.index.degrees(actor.id, [owner.id], { avoid: lens.avoid });
      const subject = { kind: 'connections' as const, memberId: owner.id, visibility: setting?.v ?? 'connections', degree: degree ?? null };
      if (!allow(actor, 'connections.list', subject)) throw forbidden('connections_private');
      return presentPage(lens, await listConnections(lens, owner.id, request.query));
    },
  );

  for (const direction of ['followers', 'following'] as const) {
    app.get(
      `/me/${direction}`,
      {
        schema: {
          tags,
          summary: direction === 'followers' ? 'Members who follow you, newest first' : 'Members you follow, newest first',
          querystring: followListQuery,
          response: { 200: followPage },
        },
      },
      async (request) => {
        const lens = await viewerOf(request).load();
        return presentPage(lens, await listFollows(lens, lens.actor.id, direction, request.query));
      },
    );
  }
};
