/**
 * The opportunity log (issue 15, "where opportunities came from"): opportunities I logged, each linked to the
 * people it came through and how each relationship began, and the report of shares by origin. Private: every
 * route reads and writes the signed-in member's own rows; nobody else, an operator included, can read them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  opportunityCreate,
  opportunityPage,
  opportunityPatch,
  opportunityQuery,
  opportunityReport,
  opportunityView,
} from '../../../common/schemas/opportunities.ts';
import { bigIdParam } from '../../../common/schemas/primitives.ts';
import { createOpportunity, deleteOpportunity, updateOpportunity } from '../../commands/opportunities/log.ts';
import { notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { opportunityPersonRefusal } from '../../policies/opportunities.ts';
import { listOpportunities, loadAllOpportunities, loadOpportunity, membersByHandle } from '../../queries/opportunities/log.ts';
import { loadOpportunityPeople } from '../../queries/opportunities/people.ts';
import type { Lens } from '../../viewer/viewer.ts';
import { viewerOf } from '../../viewer/request.ts';
import { presentOpportunity, presentReport } from '../../views/opportunities.ts';

const tags = ['opportunities'];
const idParams = z.strictObject({ id: bigIdParam });

/** The linked people's member ids, in order, once each is checked; the first refused one is the 400. */
async function resolvePeople(lens: Lens, handles: readonly string[]): Promise<number[]> {
  const found = await membersByHandle(lens.db, [...new Set(handles)]);
  return handles.map((handle, position) => {
    const person = found.get(handle);
    const refusal = opportunityPersonRefusal(lens.actor.id, lens.avoid, handle, position, person);
    if (refusal) throw refusal;
    return person!.id;
  });
}

async function presentOne(lens: Lens, id: number) {
  const row = await loadOpportunity(lens.db, lens.actor.id, id);
  if (!row) throw notFound('opportunity');
  const people = await loadOpportunityPeople(lens, [row]);
  return presentOpportunity(row, people.origins, people.cards);
}

export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/opportunities',
    { schema: { tags, summary: 'My opportunity log, newest first: each with its people and how each relationship began', querystring: opportunityQuery, response: { 200: opportunityPage } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      const page = await listOpportunities(ctx.db, lens.actor.id, request.query);
      const people = await loadOpportunityPeople(lens, page.rows);
      return { items: page.rows.map((row) => presentOpportunity(row, people.origins, people.cards)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/opportunities/report',
    {
      schema: {
        tags,
        summary: 'Where my opportunities came from: the share through weak ties, posts, introductions, open invitations, imports and people I am not connected to',
        response: { 200: opportunityReport },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const all = await loadAllOpportunities(ctx.db, lens.actor.id);
      const people = await loadOpportunityPeople(lens, all);
      return presentReport(all, people.origins, people.cards);
    },
  );

  app.post(
    '/opportunities',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Log an opportunity (a job, client, project, speaking slot or partnership) and the people it came through', body: opportunityCreate, response: { 201: opportunityView } },
    },
    async (request, reply) => {
      const lens = await viewerOf(request).load();
      const personIds = await resolvePeople(lens, request.body.people);
      const { kind, title, value } = request.body;
      const id = await createOpportunity(ctx.db, lens.actor.id, { kind, title, value: value ?? null, personIds });
      return reply.status(201).send(await presentOne(lens, id));
    },
  );

  app.patch(
    '/opportunities/:id',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Change an opportunity of mine: kind, title, value (null clears it) or its people', params: idParams, body: opportunityPatch, response: { 200: opportunityView } },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const { people, ...rest } = request.body;
      const personIds = people === undefined ? undefined : await resolvePeople(lens, people);
      await updateOpportunity(ctx.db, lens.actor.id, request.params.id, { ...rest, ...(personIds ? { personIds } : {}) });
      return presentOne(lens, request.params.id);
    },
  );

  app.delete(
    '/opportunities/:id',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Remove an opportunity of mine', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteOpportunity(ctx.db, viewerOf(request).actor.id, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
