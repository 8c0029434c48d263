import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountDeletionView } from '../../../common/schemas/deletion.ts';
import { cancelDeletion, scheduleDeletion } from '../../commands/deletion/schedule.ts';
import { inTransaction } from '../../db/transaction.ts';
import { resolveLocale } from '../../http/locale.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { pendingDeletionOf } from '../../queries/deletion.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['me'];

const present = (pending: { requestedAt: Date; purgeAfter: Date } | null) => ({
  scheduled: pending !== null,
  purgeAfter: pending?.purgeAfter.toISOString() ?? null,
  requestedAt: pending?.requestedAt.toISOString() ?? null,
});

/**
 * Account deletion for the member themselves (docs/account-deletion.md): ask (202, purged after the grace
 * period), see where it stands, cancel. No body is needed or read; a session or an access token will do.
 */
export const deletionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/me/deletion',
    { schema: { tags, summary: 'Whether your account is scheduled for deletion, and when', response: { 200: accountDeletionView } } },
    async (request) => present(await pendingDeletionOf(ctx.db, viewerOf(request).actor.id)),
  );

  app.delete(
    '/me',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Delete your account after the grace period (14 days unless configured); cancel until then with POST /me/cancel-deletion',
        response: { 202: accountDeletionView },
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      await inTransaction(ctx.db, async (tx, onCommit) => {
        const { created } = await scheduleDeletion(tx, {
          memberId: actor.id,
          graceMs: ctx.config.accountDeletion.graceMs,
          locale: (memberLocale) => resolveLocale({ memberLocale, acceptLanguage: request.headers['accept-language'], defaultLocale: ctx.config.defaultLocale }),
          settingsLink: `${ctx.config.publicUrl}/settings`,
          ip: request.ip,
        });
        if (created) onCommit(() => ctx.email.kick());
      });
      return reply.code(202).send(present(await pendingDeletionOf(ctx.db, actor.id)));
    },
  );

  app.post(
    '/me/cancel-deletion',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Cancel the scheduled deletion of your account', response: { 200: accountDeletionView } },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      await inTransaction(ctx.db, (tx) => cancelDeletion(tx, actor.id, request.ip));
      return present(null);
    },
  );
};
