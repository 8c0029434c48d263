import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { endorsementState, endorserPage, endorserQuery, skillParams } from '../../../common/schemas/endorsements.ts';
import { matchKey } from '../../../common/text.ts';
import { endorseSkill, unendorseSkill } from '../../commands/endorsements/endorse.ts';
import { notFound } from '../../errors.ts';
import { hydrateListed } from '../../hydration/listed-people.ts';
import { hydrateProfile } from '../../hydration/profile.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { canSee, canSeeFullProfile } from '../../policies/people.ts';
import { endorsersPage } from '../../queries/endorsements/endorsers.ts';
import { presentListedCard } from '../../views/person-card.ts';
import { viewerOf } from '../../viewer/request.ts';
import { blockWith } from '../../viewer/viewer.ts';

const tags = ['endorsements'];

export const endorsementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const path = '/members/:handle/skills/:skill/endorsement';

  app.put(
    path,
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: "Endorse one of a 1st-degree connection's skills (named as they list it; case and accents ignored). Endorsing again changes nothing. Answers the skill's count.",
        params: skillParams,
        response: { 200: endorsementState },
      },
    },
    async (request) => endorseSkill(ctx.db, viewerOf(request).actor, request.params.handle, request.params.skill),
  );

  app.delete(
    path,
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Take back your endorsement of a skill (none to take back is fine). Answers the skill\'s count.',
        params: skillParams,
        response: { 200: endorsementState },
      },
    },
    async (request) => unendorseSkill(ctx.db, viewerOf(request).actor, request.params.handle, request.params.skill),
  );

  app.get(
    '/members/:handle/skills/:skill/endorsers',
    {
      schema: {
        tags,
        summary: "Who endorsed a member's skill, newest first, each with their degree and mutual count (blocks either way left out)",
        params: skillParams,
        querystring: endorserQuery,
        response: { 200: endorserPage },
      },
    },
    async (request) => {
      const viewer = await viewerOf(request).load();
      const { actor } = viewer;
      const found = await hydrateProfile(viewer, request.params.handle);
      if (!found) throw notFound('member');
      const p = found.profile;
      const block = blockWith(viewer.blocks, p.id);
      if (!canSee(actor, { id: p.id, status: p.status, block })) throw notFound('member');
      // Skills are part of the full profile: whoever may not see it may not see who endorsed them.
      const [degree = null] = p.id === actor.id ? [null] : await viewer.graph.degrees(actor.id, [p.id], { avoid: viewer.avoid });
      if (!canSeeFullProfile(actor, { id: p.id, visibility: p.visibility, degree, block })) throw notFound('member');
      const key = matchKey(request.params.skill);
      if (!key || !p.skills.some((s) => matchKey(s) === key)) throw notFound('skill');
      const page = await endorsersPage(viewer, p.id, request.params.skill, request.query);
      const people = await hydrateListed(viewer, page.rows);
      return { items: people.map((l) => presentListedCard(actor, l)), nextCursor: page.nextCursor };
    },
  );
};
