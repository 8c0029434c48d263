import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type AdminOrganisation,
  adminOrganisation,
  adminOrganisationsQuery,
  organisationIdParams,
  organisationMergeBody,
  organisationMergeResult,
} from '../../../common/schemas/organisations.ts';
import { page } from '../../../common/schemas/search.ts';
import { organisationKey } from '../../../common/text.ts';
import { mergeOrganisation } from '../../commands/organisations.ts';
import { rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { decodeCursor, keysetPage, lookahead } from '../../http/cursor.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { authorize } from '../../policies/index.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['admin'];

/**
 * Operators find organisations and merge true duplicates ("Acme Corp" and "Acme Corp.", which matching
 * keeps apart because it never drops a symbol). Listed by key, so near-duplicates sit next to each other.
 */
export const adminOrganisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'admin.access', { kind: 'site' }));

  app.get(
    '/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations by name (merged ones left out), each with how many members list it',
        querystring: adminOrganisationsQuery,
        response: { 200: page(adminOrganisation) },
      },
    },
    async (request) => {
      const { limit } = request.query;
      const key = organisationKey(request.query.q ?? '');
      // The cursor's text part refuses what PostgreSQL refuses in text (NUL, lone surrogates).
      const after = decodeCursor(request.query.cursor, { k: 'text', i: 'id' });
      const contains = `%${key.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const found = await rows<Omit<AdminOrganisation, 'createdAt'> & { nameKey: string; createdAt: Date | string }>(
        ctx.db,
        sql`SELECT o.id, o.name, o.slug, o.kind, o.name_key AS "nameKey", o.created_at AS "createdAt",
              (SELECT count(DISTINCT member_id) FROM (
                 SELECT member_id FROM experiences WHERE organisation_id = o.id
                 UNION ALL SELECT member_id FROM educations WHERE organisation_id = o.id) x)::int AS members
            FROM organisations o
           WHERE o.merged_into IS NULL
             ${key ? sql`AND (o.name_key LIKE ${contains} OR o.name_key % ${key})` : sql``}
             ${after ? sql`AND (o.name_key, o.id) > (${after.k}, ${after.i})` : sql``}
           ORDER BY o.name_key, o.id
           LIMIT ${lookahead(limit)}`,
      );
      const { rows: organisations, nextCursor } = keysetPage(found, limit, (last) => ({ k: last.nameKey, i: last.id }));
      const items = organisations.map(({ nameKey: _key, createdAt, ...o }) => ({ ...o, createdAt: new Date(createdAt).toISOString() }));
      return { items, nextCursor };
    },
  );

  app.post(
    '/admin/organisations/:id/merge',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Merge a duplicate organisation into another: its members move, each keeps their spelling, and it is audited',
        params: organisationIdParams,
        body: organisationMergeBody,
        response: { 200: organisationMergeResult },
      },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      return inTransaction(ctx.db, (tx) => mergeOrganisation(tx, { id: actor.id, ip: request.ip }, request.params.id, request.body.into));
    },
  );
};
