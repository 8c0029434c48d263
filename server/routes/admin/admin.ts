import { and, asc, desc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminMember, adminMembersQuery, outboxEmail, suspendBody } from '../../../common/schemas/admin.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { page } from '../../../common/schemas/search.ts';
import { setMemberStatus } from '../../commands/admin/suspend-member.ts';
import { hydrateAdminMembers } from '../../hydration/admin-members.ts';
import { emailOutbox, members, profiles } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, keysetPage, lookahead } from '../../http/cursor.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { authorize } from '../../policies/index.ts';
import { presentAdminMember } from '../../views/admin-member.ts';
import { memberActionRoutes } from './member-actions.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['admin'];

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'admin.access', { kind: 'site' }));
  // Role changes and lifting restrictions: in their own file, behind the same operators-only hook.
  await app.register(memberActionRoutes);

  app.get(
    '/admin/members',
    {
      schema: {
        tags,
        summary: 'All members, for the operator, each with their active restrictions and what you may do to them',
        querystring: adminMembersQuery,
        response: { 200: page(adminMember) },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const after = decodeCursor(request.query.cursor, { i: 'id' });
      const pattern = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
      const found = await ctx.db
        .select({ id: members.id })
        .from(members)
        .innerJoin(profiles, eq(profiles.memberId, members.id))
        .where(
          and(
            after ? gt(members.id, after.i) : undefined,
            pattern ? or(ilike(profiles.name, pattern), ilike(members.email, pattern), ilike(members.handle, pattern)) : undefined,
          ),
        )
        .orderBy(asc(members.id))
        .limit(lookahead(limit));
      const { rows, nextCursor } = keysetPage(found, limit, (last) => ({ i: last.id }));
      // The read spine: the page's ids, hydrated in a constant number of statements, then the policy's abilities.
      const hydrated = await hydrateAdminMembers(
        ctx.db,
        rows.map((r) => r.id),
      );
      const actor = viewerOf(request).actor;
      return { items: hydrated.members.map((m) => presentAdminMember(actor, m, hydrated.activeOperators)), nextCursor };
    },
  );

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reinstate', 'active'],
  ] as const) {
    app.post(
      `/admin/members/:handle/${action}`,
      {
        config: writeRateLimit(ctx.config),
        schema: {
          tags,
          summary: action === 'suspend' ? 'Suspend a member' : 'Reinstate a suspended member',
          params: z.strictObject({ handle }),
          body: suspendBody.optional(),
          response: { 200: z.object({ handle: z.string(), status: z.enum(['active', 'suspended']) }) },
        },
      },
      async (request) => {
        const actor = viewerOf(request).actor;
        await inTransaction(ctx.db, async (tx) => {
          const [m] = await tx
            .select({ id: members.id, role: members.role })
            .from(members)
            .where(eq(members.handle, request.params.handle))
            .for('update');
          if (!m) throw notFound('member');
          authorize(actor, 'member.suspend', { kind: 'member', memberId: m.id, role: m.role });
          await setMemberStatus(tx, actor.id, m.id, status, request.body?.reason ?? '', request.ip);
        });
        return { handle: request.params.handle, status };
      },
    );
  }

  app.get(
    '/admin/outbox',
    {
      schema: {
        tags,
        summary: 'Recent outgoing email (the dev outbox when no SMTP server is configured)',
        querystring: z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) }),
        response: { 200: page(outboxEmail) },
      },
    },
    async (request) => {
      const after = decodeCursor(request.query.cursor, { i: 'id' });
      const { limit } = request.query;
      const found = await ctx.db
        .select()
        .from(emailOutbox)
        .where(after ? sql`${emailOutbox.id} < ${after.i}` : undefined)
        .orderBy(desc(emailOutbox.id))
        .limit(lookahead(limit));
      const { rows: emails, nextCursor } = keysetPage(found, limit, (last) => ({ i: last.id }));
      const items = emails.map((e) => ({
        id: e.id,
        to: e.toAddress,
        subject: e.subject,
        text: e.textBody,
        status: e.status,
        createdAt: e.createdAt.toISOString(),
        sentAt: e.sentAt?.toISOString() ?? null,
      }));
      return { items, nextCursor };
    },
  );
};
