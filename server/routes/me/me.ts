import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/schemas/primitives.ts';
import { accessTokenView, createTokenBody, tokenCreated } from '../../../common/schemas/auth.ts';
import { meView, profilePatch } from '../../../common/schemas/profile.ts';
import { recordAudit } from '../../commands/audit.ts';
import { credentialsRevoked } from '../../auth/credential-cache.ts';
import { createAccessToken } from '../../commands/auth/sessions.ts';
import { removePhoto, savePhoto } from '../../commands/profile/photo.ts';
import { updateProfile } from '../../commands/profile/update-profile.ts';
import { accessTokens } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { badRequest, notFound } from '../../errors.ts';
import { readSingleUpload } from '../../http/upload.ts';
import { loadMe } from '../../queries/me.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['me'];

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/me',
    { config: { allowSuspended: true }, schema: { tags, summary: 'The signed-in member', response: { 200: meView } } },
    async (request) => loadMe(ctx.db, viewerOf(request).actor),
  );

  app.patch(
    '/me/profile',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Update your profile; lists (skills, experience, education, links, offers, asks) replace the whole list',
        body: profilePatch,
        response: { 200: meView },
      },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      await inTransaction(ctx.db, async (tx) => {
        await updateProfile(tx, actor.id, request.body);
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'profile.update',
          subjectType: 'member',
          subjectId: actor.id,
          data: { fields: Object.keys(request.body) },
        });
      });
      return loadMe(ctx.db, actor);
    },
  );

  app.put(
    '/me/photo',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Upload a profile photo (multipart/form-data, field "photo"; JPEG, PNG, WebP or GIF up to 5 MB)',
        consumes: ['multipart/form-data'],
        response: { 200: meView },
      },
    },
    async (request) => {
      const bytes = await readSingleUpload(request);
      if (!bytes) throw badRequest('photo_missing');
      await inTransaction(ctx.db, (tx) => savePhoto(tx, viewerOf(request).actor.id, bytes));
      return loadMe(ctx.db, viewerOf(request).actor);
    },
  );

  app.delete(
    '/me/photo',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Remove your profile photo', response: { 200: meView } } },
    async (request) => {
      await inTransaction(ctx.db, (tx) => removePhoto(tx, viewerOf(request).actor.id));
      return loadMe(ctx.db, viewerOf(request).actor);
    },
  );

  app.get(
    '/me/tokens',
    { schema: { tags, summary: 'Your personal access tokens', response: { 200: z.object({ items: z.array(accessTokenView) }) } } },
    async (request) => {
      const list = await ctx.db
        .select()
        .from(accessTokens)
        .where(and(eq(accessTokens.memberId, viewerOf(request).actor.id), isNull(accessTokens.revokedAt)))
        .orderBy(desc(accessTokens.id));
      return {
        items: list.map((t) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/me/tokens',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Create a personal access token (shown once)',
        body: createTokenBody,
        response: { 201: tokenCreated },
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      const created = await inTransaction(ctx.db, async (tx) => {
        const token = await createAccessToken(tx, actor.id, request.body.name);
        await recordAudit(tx, { actorId: actor.id, action: 'token.create', subjectType: 'access_token', subjectId: token.id });
        return token;
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a personal access token',
        params: z.strictObject({ id: idParam }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      await inTransaction(ctx.db, async (tx) => {
        const [revoked] = await tx
          .update(accessTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(accessTokens.id, request.params.id), eq(accessTokens.memberId, actor.id), isNull(accessTokens.revokedAt)))
          .returning({ id: accessTokens.id });
        if (!revoked) throw notFound('token');
        credentialsRevoked(tx, actor.id);
        await recordAudit(tx, { actorId: actor.id, action: 'token.revoke', subjectType: 'access_token', subjectId: revoked.id });
      });
      return reply.status(204).send(null);
    },
  );
};
