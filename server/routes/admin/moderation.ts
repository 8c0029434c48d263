import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bigIdParam } from '../../../common/schemas/primitives.ts';
import {
  contentRemoveBody,
  contentRemoved,
  MODERATION_ACTIONS,
  moderationActionBody,
  moderationActionResult,
  moderationPage,
  moderationQuery,
  restrictActionBody,
} from '../../../common/schemas/screening.ts';
import { actOnFlag, actOnReport } from '../../commands/moderation/act.ts';
import { removeContent } from '../../commands/moderation/remove-content.ts';
import { inTransaction } from '../../db/transaction.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { authorize } from '../../policies/index.ts';
import { loadModerationQueue } from '../../queries/moderation.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['admin'];
const idParams = z.strictObject({ id: bigIdParam });

const SUMMARIES: Record<(typeof MODERATION_ACTIONS)[number], string> = {
  dismiss: 'nothing wrong: close it and lift the automatic restrictions on new accounts',
  warn: 'send each member a warning notice',
  restrict: 'stop each member sending invitations, for `days` days or until lifted, and tell them why',
  suspend: 'suspend each member and block their pending invitations',
};

/** The operators' moderation queue and its four actions, and removing content; every action is audited. */
export const moderationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'admin.access', { kind: 'site' }));

  app.get(
    '/admin/moderation',
    {
      schema: {
        tags,
        summary: 'Open flags and reports, newest first, each with the evidence about the members involved',
        querystring: moderationQuery,
        response: { 200: moderationPage },
      },
    },
    async (request) => loadModerationQueue(ctx.db, request.query),
  );

  app.post(
    '/admin/content/remove',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary:
          'Remove a post, comment or message: a post or comment is deleted (with its replies and reactions), a message shows as removed; its author is told why, and open reports about it are resolved',
        body: contentRemoveBody,
        response: { 200: contentRemoved },
      },
    },
    async (request) => inTransaction(ctx.db, (tx) => removeContent(tx, viewerOf(request).actor, request.body, request.ip)),
  );

  for (const action of MODERATION_ACTIONS) {
    for (const type of ['flag', 'report'] as const) {
      app.post(
        `/admin/moderation/${type}s/:id/${action}`,
        {
          config: writeRateLimit(ctx.config),
          schema: {
            tags,
            summary: `${action[0]!.toUpperCase()}${action.slice(1)} a ${type}: ${SUMMARIES[action]}`,
            params: idParams,
            // Only a restriction has a duration; `days` on any other action is refused as an unknown field.
            body: action === 'restrict' ? restrictActionBody : moderationActionBody,
            response: { 200: moderationActionResult },
          },
        },
        async (request) => {
          const body: { reason: string; days?: number | undefined } = request.body;
          const context = { operator: viewerOf(request).actor, reason: body.reason, ip: request.ip, days: body.days };
          return inTransaction(ctx.db, (tx) =>
            type === 'flag' ? actOnFlag(tx, request.params.id, action, context) : actOnReport(tx, request.params.id, action, context),
          );
        },
      );
    }
  }
};
