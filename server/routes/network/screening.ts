import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reasonView } from '../../../common/schemas/primitives.ts';
import { allowanceView, screeningPolicy } from '../../../common/schemas/screening.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { savePolicy } from '../../commands/screening/save-policy.ts';
import { computeAllowance } from '../../queries/screening/allowance.ts';
import { loadPolicy } from '../../queries/screening/policy.ts';
import { describeRule } from '../../screening/policy.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['screening'];

/** The policy with each rule described as a reason (code, parameters and English), for a client to show in words. */
const policyView = screeningPolicy.extend({ described: z.array(reasonView) });

export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const view = (p: z.infer<typeof screeningPolicy>) => ({ ...p, described: p.rules.map(describeRule) });

  app.get(
    '/me/screening',
    { schema: { tags, summary: 'Your screening policy: open, selective (rules) or manual, and who can invite you', response: { 200: policyView } } },
    async (request) => view(await loadPolicy(ctx.db, viewerOf(request).actor.id)),
  );

  app.put(
    '/me/screening',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Replace your screening policy. It applies to invitations that arrive from now on.',
        body: screeningPolicy,
        response: { 200: policyView },
      },
    },
    async (request) => {
      await savePolicy(ctx.db, viewerOf(request).actor.id, request.body);
      return view(request.body);
    },
  );

  app.get(
    '/me/allowance',
    {
      schema: {
        tags,
        summary: 'Your weekly invitation allowance, what is left of it, and every reason it differs from the base',
        response: { 200: allowanceView },
      },
    },
    async (request) => computeAllowance(ctx.db, viewerOf(request).actor.id, ctx.config.network),
  );
};
