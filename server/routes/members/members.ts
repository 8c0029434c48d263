import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handle } from '../../../common/schemas/primitives.ts';
import { memberProfileView } from '../../../common/schemas/profile.ts';
import { memberPhotos, members } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { hydrateProfile, relationWith } from '../../hydration/profile.ts';
import { canSee, personAbilities } from '../../policies/people.ts';
import { canEndorseOrRecommend } from '../../policies/endorsements.ts';
import { hydrateProfilePeople } from '../../hydration/profile-endorsements.ts';
import { presentMemberProfile, presentProfile } from '../../views/profile.ts';
import { readLensOf } from '../../http/read-db.ts';
import { viewerOf } from '../../viewer/request.ts';
import { blockWith } from '../../viewer/viewer.ts';

const tags = ['members'];
const handleParams = z.strictObject({ handle });

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/members/:handle',
    {
      // Only reads. Who may see whom is decided on the viewer's standing (blocks), read from the primary as
      // always; the profile's rows may be a few seconds late (docs/operations.md, "Read replicas").
      config: { replicaReads: true },
      schema: {
        tags,
        summary: "A member's profile as the viewer may see it, with degree, mutual count and connection state",
        params: handleParams,
        response: { 200: memberProfileView },
      },
    },
    async (request) => {
      // Warm, no SQL at all: the viewer's standing (blocks, open invitations), the profile record and the
      // mutuals' records come from the read caches, the rest from the graph index. Cold: one statement each.
      const viewer = await readLensOf(request);
      const { actor } = viewer;
      const found = await hydrateProfile(viewer, request.params.handle);
      if (!found) throw notFound('member');
      const { profile: p } = found;
      if (p.id === actor.id) {
        const people = await hydrateProfilePeople(viewer, p, [], true);
        return presentProfile(p, { limited: false, degree: null, mutualCount: null, self: true, people });
      }
      const block = blockWith(viewer.blocks, p.id);
      if (!canSee(actor, { id: p.id, status: p.status, block })) throw notFound('member');
      const opts = { avoid: viewer.avoid };
      const [degree = null] = await viewer.graph.degrees(actor.id, [p.id], opts);
      const mutuals = await viewer.graph.mutuals(actor.id, p.id, 3, opts);
      const relation = await relationWith(viewer, found, degree === 1);
      const abilities = personAbilities(actor, { ...p, degree, block, connection: relation.connection, following: relation.following });
      // Mutuals, endorsers and recommendation authors as one batch of cards: one statement cold.
      const people = await hydrateProfilePeople(viewer, p, mutuals.first, abilities.canSeeFullProfile);
      return presentMemberProfile(p, {
        degree,
        mutualCount: mutuals.count,
        mutuals: people.mutuals,
        relation,
        iBlocked: block === 'i_blocked',
        abilities,
        people,
        canEndorse: canEndorseOrRecommend(actor, { id: p.id, block, degree }),
      });
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
      const viewer = await viewerOf(request).load();
      const [photo] = await ctx.db
        .select({ memberId: members.id, status: members.status, content: memberPhotos.content, mimeType: memberPhotos.mimeType, etag: memberPhotos.etag })
        .from(memberPhotos)
        .innerJoin(members, eq(members.id, memberPhotos.memberId))
        .where(eq(members.handle, request.params.handle));
      // The photo follows the member: gone with a suspension, and for whoever the member blocked.
      const block = photo ? blockWith(viewer.blocks, photo.memberId) : null;
      if (!photo || !canSee(viewer.actor, { id: photo.memberId, status: photo.status, block })) throw notFound('photo');
      const etag = `"${photo.etag}"`;
      // A short private lifetime: a block or a suspension reaches a browser's cached copy within minutes.
      reply.header('etag', etag).header('cache-control', 'private, max-age=300');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(photo.mimeType).send(photo.content);
    },
  );
};
