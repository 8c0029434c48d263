import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handle } from '../../../common/schemas/primitives.ts';
import {
  COMMUNITY_RANGE_MAX_DAYS,
  communityAnalytics,
  communityQuery,
  suggestionsBody,
  suggestionsResult,
  welcomeBody,
  welcomeResult,
} from '../../../common/schemas/community.ts';
import { suggestIntroductions } from '../../commands/community/suggest-introductions.ts';
import { welcomeNewcomer } from '../../commands/community/welcome.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { viewerOf } from '../../viewer/request.ts';
import { ensureCommunityRollups } from '../../commands/community/rollups.ts';
import { badRequest } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { loadCohorts, loadGrowth, loadNewcomers, rollupUpdatedAt } from '../../queries/community/analytics.ts';

const tags = ['admin'];
const DAY_MS = 86_400_000;
/** The default range: the last 90 days. */
const DEFAULT_DAYS = 90;

/** A YYYY-MM-DD that names a real day, as milliseconds at its UTC midnight; anything else is `invalid_range`. */
function dayAt(value: string): number {
  const t = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) throw badRequest('invalid_range', { key: 'day' });
  return t;
}

/** `?from=&to=` as a range of real days, in order and not longer than COMMUNITY_RANGE_MAX_DAYS. */
export function communityRange(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: string; to: string } {
  const to = query.to ? dayAt(query.to) : Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const from = query.from ? dayAt(query.from) : to - (DEFAULT_DAYS - 1) * DAY_MS;
  if (from > to) throw badRequest('invalid_range', { key: 'order' });
  if ((to - from) / DAY_MS + 1 > COMMUNITY_RANGE_MAX_DAYS) throw badRequest('invalid_range', { key: 'length', params: { max: COMMUNITY_RANGE_MAX_DAYS } });
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(from), to: iso(to) };
}

/**
 * The operator's analytics (issue 15, Admin → Community): growth and engagement per day and retention by
 * signup week from the rollups the community.rollup job keeps, and the newcomers who have not found their
 * people yet. Aggregates and public profile facts only.
 */
export const adminCommunityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'community.analytics', { kind: 'site' }));

  app.get(
    '/admin/community',
    {
      schema: {
        tags,
        summary: "The operator's analytics: members, activity and invitations per day, retention by signup week, and the newcomers with fewer than 3 connections",
        querystring: communityQuery,
        response: { 200: communityAnalytics },
      },
    },
    async (request) => {
      const now = new Date();
      const { from, to } = communityRange(request.query, now);
      // A new install before the job's first run: computed once, here.
      await ensureCommunityRollups(ctx.db);
      const [growth, cohorts, newcomers, updatedAt] = await Promise.all([
        loadGrowth(ctx.db, from, to),
        loadCohorts(ctx.db, from, to),
        loadNewcomers(ctx.db, now),
        rollupUpdatedAt(ctx.db),
      ]);
      return { from, to, growth, cohorts, newcomers, updatedAt };
    },
  );

  app.post(
    '/admin/community/newcomers/:handle/welcome',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Welcome a newcomer with a post by the operator that mentions them (added at the start if the text leaves it out); audited',
        params: z.strictObject({ handle }),
        body: welcomeBody,
        response: { 201: welcomeResult },
      },
    },
    async (request, reply) => {
      const done = await welcomeNewcomer(ctx.db, viewerOf(request).actor, request.params.handle, request.body.text, request.ip);
      return reply.status(201).send(done);
    },
  );

  app.post(
    '/admin/community/newcomers/:handle/suggestions',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Suggest up to 3 members for a newcomer to meet (the server picks them, or `handles` names them): the newcomer gets one notification linking to each; audited',
        params: z.strictObject({ handle }),
        body: suggestionsBody,
        response: { 201: suggestionsResult },
      },
    },
    async (request, reply) => {
      const done = await suggestIntroductions(
        { db: ctx.db, graph: ctx.graph.index, reinviteWaitMs: ctx.config.network.reinviteWaitMs },
        viewerOf(request).actor,
        request.params.handle,
        request.body.handles,
        request.ip,
      );
      return reply.status(201).send(done);
    },
  );
};
