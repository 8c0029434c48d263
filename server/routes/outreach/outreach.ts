/**
 * One person a week (docs/outreach.md): my weekly goal, streak, year view and this week's three suggestions,
 * and the note check the outreach composer and the invitation dialog use. Private to the member.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { weekStartOf } from '../../../common/outreach.ts';
import { noteCheckBody, noteCheckResult, outreachGoalUpdate, outreachView } from '../../../common/schemas/outreach.ts';
import { setWeeklyGoal } from '../../commands/outreach/goal.ts';
import { ensureWeekSuggestions } from '../../commands/outreach/suggestions.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { hydratePeople } from '../../hydration/people.ts';
import { memberNameByHandle } from '../../queries/outreach/names.ts';
import { checkNote } from '../../queries/outreach/note-check.ts';
import { outreachProgress } from '../../queries/outreach/progress.ts';
import { presentActionableCard } from '../../views/person-card.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['outreach'];

export const outreachRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  const view = async (request: FastifyRequest) => {
    const lens = await viewerOf(request).load();
    const now = new Date();
    const progress = await outreachProgress(ctx.db, lens.actor.id, now);
    const found = await ensureWeekSuggestions({ db: ctx.db, graph: ctx.graph.index }, lens.actor.id, weekStartOf(now));
    const people = await hydratePeople(lens, found.map((s) => s.otherId), { relations: true });
    const byId = new Map(people.map((p) => [p.record.id, presentActionableCard(lens.actor, p)]));
    const suggestions = found
      .filter((s) => byId.has(s.otherId))
      .map((s) => ({ person: byId.get(s.otherId)!, reason: { code: s.reason, params: s.params }, reached: s.reached }));
    return { ...progress, suggestions };
  };

  app.get(
    '/me/outreach',
    { schema: { tags, summary: "My weekly outreach goal, streak, year view (52 ISO weeks, UTC) and this week's three suggestions", response: { 200: outreachView } } },
    async (request) => view(request),
  );

  app.put(
    '/me/outreach',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Set my weekly outreach goal (1 to 20 people a week)', body: outreachGoalUpdate, response: { 200: outreachView } },
    },
    async (request) => {
      await setWeeklyGoal(ctx.db, viewerOf(request).actor.id, request.body.weeklyGoal);
      return view(request);
    },
  );

  app.post(
    '/notes/check',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Check a note before sending: empty, stock, a template (nearly the same as my recent notes) or personal', body: noteCheckBody, response: { 200: noteCheckResult } },
    },
    async (request) => {
      const name = request.body.to ? await memberNameByHandle(ctx.db, request.body.to) : null;
      return checkNote(ctx.db, viewerOf(request).actor.id, request.body.note, name ? [name] : []);
    },
  );
};
