import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handle } from '../../../common/schemas/primitives.ts';
import { memberProfileView } from '../../../common/schemas/profile.ts';
import { memberPhotos, members } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { allow } from '../../policies/index.ts';
import { findMemberIdByHandle, loadProfiles } from '../../queries/profiles.ts';
import { presentProfile } from '../../views/profile.ts';
import { loadRelationship } from '../../queries/network/relationship.ts';
import { degreesAndMutuals, loadPersonCards } from '../../queries/network/people.ts';
import { lensFor } from '../network/lens.ts';

const tags = ['members'];
const handleParams = z.strictObject({ handle });

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/members/:handle',
    {
      schema: {
        tags,
        summary: "A member's profile as the viewer may see it, with degree, mutual count and connection state",
        params: handleParams,
        response: { 200: memberProfileView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const id = await findMemberIdByHandle(ctx.db, request.params.handle);
      const [p] = id === null ? [] : await loadProfiles(ctx.db, [id]);
      // A suspended member's profile is gone for everyone but operators.
      if (!p || (p.status === 'suspended' && actor.role !== 'admin')) throw notFound('Member');
      const self = p.id === actor.id;
      if (self) return presentProfile(p, { limited: false, degree: null, mutualCount: null, self });
      const lens = await lensFor(ctx, actor);
      const relationship = await loadRelationship(ctx.db, actor.id, p.id);
      // A member who blocked the viewer does not exist for them. The blocker still sees a name card, to unblock.
      if (lens.avoid.has(p.id) && !relationship.blocked) throw notFound('Member');
      const [rel] = await degreesAndMutuals(lens, [p.id]);
      const degree = rel?.degree ?? null;
      const full =
        !relationship.blocked && allow(actor, 'profile.viewFull', { kind: 'profile', memberId: p.id, visibility: p.visibility, degree });
      const mutuals = await ctx.graph.index.mutuals(actor.id, p.id, 3, { avoid: lens.avoid });
      return {
        ...presentProfile(p, { limited: !full, degree, mutualCount: rel?.mutualCount ?? null, self }),
        connection: relationship.connection,
        relationship,
        mutuals: await loadPersonCards(lens, mutuals.first),
        connectionsVisible: allow(actor, 'connections.list', {
          kind: 'connections',
          memberId: p.id,
          visibility: p.connectionsVisibility,
          degree,
        }),
      };
    },
  );

  app.get(
    '/members/:handle/photo',
    {
      schema: {
        tags,
        summary: "A member's profile photo (WebP)",
        params: handleParams,
        // Photo URLs carry the photo's ETag (?v=…) so a new photo is a new URL to every cache; any v gets the current one.
        querystring: z.strictObject({ v: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => {
      const [photo] = await ctx.db
        .select({ content: memberPhotos.content, mimeType: memberPhotos.mimeType, etag: memberPhotos.etag })
        .from(memberPhotos)
        .innerJoin(members, eq(members.id, memberPhotos.memberId))
        .where(eq(members.handle, request.params.handle));
      if (!photo) throw notFound('Photo');
      const etag = `"${photo.etag}"`;
      reply.header('etag', etag).header('cache-control', 'private, max-age=86400');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(photo.mimeType).send(photo.content);
    },
  );
};
