import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handle } from '../../../common/schemas/primitives.ts';
import { memberProfileView } from '../../../common/schemas/profile.ts';
import { memberPhotos, members } from '../../db/schema.ts';
import { blockBetween } from '../../commands/network/blocks.ts';
import { notFound } from '../../errors.ts';
import { allow } from '../../policies/index.ts';
import { findMemberIdByHandle, loadProfiles } from '../../queries/profiles.ts';
import { presentProfile } from '../../views/profile.ts';
import { loadRelationship } from '../../queries/network/relationship.ts';
import { degreesAndMutuals, loadPersonCards } from '../../queries/network/people.ts';
import { viewerOf } from '../../viewer/request.ts';

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
      const actor = viewerOf(request).actor;
      const id = await findMemberIdByHandle(ctx.db, request.params.handle);
      const [p] = id === null ? [] : await loadProfiles(ctx.db, [id]);
      if (!p) throw notFound('Member');
      const self = p.id === actor.id;
      if (self) return presentProfile(p, { limited: false, degree: null, mutualCount: null, self });
      const lens = await viewerOf(request).load();
      const relationship = await loadRelationship(ctx.db, actor.id, p.id);
      const block = relationship.blocked ? 'i_blocked' : lens.avoid.has(p.id) ? 'they_blocked' : null;
      if (!allow(actor, 'member.see', { kind: 'presence', memberId: p.id, status: p.status, block })) throw notFound('Member');
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
        // Photo URLs carry the photo's ETag (?v=…) so a new photo is a new URL to every cache; any well-formed v gets the current one.
        querystring: z.strictObject({ v: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() }),
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      const [photo] = await ctx.db
        .select({ memberId: members.id, status: members.status, content: memberPhotos.content, mimeType: memberPhotos.mimeType, etag: memberPhotos.etag })
        .from(memberPhotos)
        .innerJoin(members, eq(members.id, memberPhotos.memberId))
        .where(eq(members.handle, request.params.handle));
      // The photo follows the member: gone with a suspension, and for whoever the member blocked.
      const block = photo && photo.memberId !== actor.id ? await blockBetween(ctx.db, actor.id, photo.memberId) : null;
      if (!photo || !allow(actor, 'member.see', { kind: 'presence', memberId: photo.memberId, status: photo.status, block })) throw notFound('Photo');
      const etag = `"${photo.etag}"`;
      // A short private lifetime: a block or a suspension reaches a browser's cached copy within minutes.
      reply.header('etag', etag).header('cache-control', 'private, max-age=300');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(photo.mimeType).send(photo.content);
    },
  );
};
