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
import { notFound } from '../../errors.ts';
import { decodeCursor } from '../../http/cursor.ts';
import { hydrateListed } from '../../hydration/listed-people.ts';
import { findOrganisationBySlug, organisationCounts, organisationMembers, suggestOrganisations } from '../../queries/organisations.ts';
import { presentListedCard } from '../../views/person-card.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['organisations'];
const slugParams = z.strictObject({ slug: z.string().min(1).max(80).regex(/^[a-z0-9-]+$/) });

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations matching a typed name (case, accents and spacing ignored), each with the members the viewer may see',
        querystring: organisationSuggestQuery,
        response: { 200: z.object({ items: z.array(organisationSummary) }) },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      return { items: await suggestOrganisations(lens, request.query.q, request.query.limit) };
    },
  );

  app.get(
    '/organisations/:slug',
    {
      schema: {
        tags,
        summary: 'An organisation, with how many current and past members the viewer may see (a merged one answers as the one it became)',
        params: slugParams,
        response: { 200: organisationView },
      },
    },
    async (request) => {
      const org = await findOrganisationBySlug(ctx.db, request.params.slug);
      if (!org) throw notFound('organisation');
      const counts = await organisationCounts(await viewerOf(request).load(), org.id);
      return { ...org, currentCount: counts.current, pastCount: counts.past };
    },
  );

  app.get(
    '/organisations/:slug/members',
    {
      schema: {
        tags,
        summary: 'Current or past members of an organisation, as the viewer may see them, each with degree and mutual count',
        params: slugParams,
        querystring: organisationMembersQuery,
        response: { 200: page(organisationMember) },
      },
    },
    async (request) => {
      const org = await findOrganisationBySlug(ctx.db, request.params.slug);
      if (!org) throw notFound('organisation');
      const after = decodeCursor(request.query.cursor, { i: 'id' });
      const { limit, when } = request.query;
      const lens = await viewerOf(request).load();
      const listing = await organisationMembers(lens, org.id, when, after?.i ?? null, limit);
      const members = await hydrateListed(lens, listing.rows);
      return { items: members.map((l) => presentListedCard(lens.actor, l)), nextCursor: listing.nextCursor };
    },
  );
};
