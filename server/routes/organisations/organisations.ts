import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  organisationMember,
  organisationMembersQuery,
  organisationSuggestQuery,
  organisationSummary,
  organisationView,
} from '../../../common/schemas/organisations.ts';
import { page } from '../../../common/schemas/search.ts';
import { rows } from '../../db/connection.ts';
import { organisations } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { organisationMembers, suggestOrganisations } from '../../queries/organisations.ts';
import { presentPersonCard } from '../../views/profile.ts';

const tags = ['organisations'];
const slugParams = z.strictObject({ slug: z.string().min(1).max(80).regex(/^[a-z0-9-]+$/) });

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations matching a typed name (case, accents and spacing ignored)',
        querystring: organisationSuggestQuery,
        response: { 200: z.object({ items: z.array(organisationSummary) }) },
      },
    },
    async (request) => ({ items: await suggestOrganisations(ctx.db, request.query.q, request.query.limit) }),
  );

  app.get(
    '/organisations/:slug',
    { schema: { tags, summary: 'An organisation', params: slugParams, response: { 200: organisationView } } },
    async (request) => {
      const [org] = await ctx.db.select().from(organisations).where(eq(organisations.slug, request.params.slug));
      if (!org) throw notFound('Organisation');
      const [counts] = await rows<{ current: number; past: number }>(
        ctx.db,
        sql`SELECT count(DISTINCT member_id) FILTER (WHERE end_date IS NULL)::int AS current,
                   count(DISTINCT member_id) FILTER (WHERE end_date IS NOT NULL)::int AS past
            FROM (SELECT member_id, end_date FROM experiences WHERE organisation_id = ${org.id}
                  UNION ALL SELECT member_id, make_date(end_year, 6, 1) FROM educations WHERE organisation_id = ${org.id}) r`,
      );
      return { id: org.id, name: org.name, slug: org.slug, currentCount: counts?.current ?? 0, pastCount: counts?.past ?? 0 };
    },
  );

  app.get(
    '/organisations/:slug/members',
    {
      schema: {
        tags,
        summary: 'Current or past members of an organisation, as the viewer may see them',
        params: slugParams,
        querystring: organisationMembersQuery,
        response: { 200: page(organisationMember) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const [org] = await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, request.params.slug));
      if (!org) throw notFound('Organisation');
      const after = decodeCursor(request.query.cursor, { i: 'id' });
      const { limit, when } = request.query;
      const found = await organisationMembers(ctx.db, { id: actor.id, isAdmin: actor.role === 'admin' }, org.id, when, after?.i ?? null, limit);
      const items = found.slice(0, limit).map((r) => ({
        ...presentPersonCard(r, null, null),
        role: r.role,
        startDate: r.startDate,
        endDate: r.endDate,
      }));
      const last = items[items.length - 1];
      return { items, nextCursor: found.length > limit && last ? encodeCursor({ i: last.id }) : null };
    },
  );
};
