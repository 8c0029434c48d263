import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { liftRestrictionsBody, liftRestrictionsResult, roleChangeBody, roleChangeResult } from '../../../common/schemas/admin.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { setMemberRole } from '../../commands/admin/set-role.ts';
import { liftMemberRestrictions } from '../../commands/moderation/lift.ts';
import { inTransaction } from '../../db/transaction.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['admin'];
const params = z.strictObject({ handle });

/**
 * An operator's decisions about one member beyond suspension: making them an operator (or a member
 * again) and lifting their restrictions. Registered inside adminRoutes, behind its operators-only hook;
 * each is one transaction with one audit row.
 */
export const memberActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  for (const [action, role] of [
    ['promote', 'admin'],
    ['demote', 'member'],
  ] as const) {
    app.post(
      `/admin/members/:handle/${action}`,
      {
        config: writeRateLimit(ctx.config),
        schema: {
          tags,
          summary:
            action === 'promote'
              ? 'Make an active member an operator (they can use the Admin page); audited, and they are told'
              : 'Make an operator a member again (yourself included), unless they are the last operator (409 last_operator)',
          params,
          body: roleChangeBody.optional(),
          response: { 200: roleChangeResult },
        },
      },
      async (request) =>
        inTransaction(ctx.db, (tx) => setMemberRole(tx, viewerOf(request).actor, request.params.handle, role, request.body?.reason ?? '', request.ip)),
    );
  }

  app.post(
    '/admin/members/:handle/restrictions/lift',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: "Lift a member's active restrictions (all, or one kind) with a reason they will read; 409 not_restricted if none",
        params,
        body: liftRestrictionsBody,
        response: { 200: liftRestrictionsResult },
      },
    },
    async (request) => inTransaction(ctx.db, (tx) => liftMemberRestrictions(tx, viewerOf(request).actor, request.params.handle, request.body, request.ip)),
  );
};
