/**
 * Invitations to join by email (issue 14; docs/imports.md): a member sends one and lists theirs; the link's
 * reader, without an account, sees who invited them and may stop all further invitations to the address
 * (also as a mail client's one-click unsubscribe); a newcomer who signed up from it is pointed back to whoever
 * invited them. A GET changes nothing: link scanners open every link.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  emailInvitationCreate,
  emailInvitationLinkView,
  emailInvitationList,
  emailInvitationTokenQuery,
  emailInvitationView,
} from '../../../common/schemas/email-invitations.ts';
import { joinByLink, optOutByLink } from '../../commands/email-invitations/answer.ts';
import { sendEmailInvitation } from '../../commands/email-invitations/send.ts';
import { badRequest } from '../../errors.ts';
import { acceptOneClickForm } from '../../http/one-click-form.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { emailInvitationByLink, listEmailInvitations } from '../../queries/email-invitations/email-invitations.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['email-invitations'];

export const emailInvitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  acceptOneClickForm(app);

  app.post(
    '/email-invitations',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Invite someone who is not a member to join, by email, with your note (counts against your weekly invitations)', body: emailInvitationCreate, response: { 201: emailInvitationView } },
    },
    async (request, reply) => {
      const deps = { db: ctx.db, limits: ctx.config.network, publicUrl: ctx.config.publicUrl };
      return reply.status(201).send(await sendEmailInvitation(deps, viewerOf(request).actor, request.body));
    },
  );

  app.get('/email-invitations', { schema: { tags, summary: 'The invitations to join you sent, newest first', response: { 200: emailInvitationList } } }, async (request) => ({
    items: await listEmailInvitations(ctx.db, viewerOf(request).actor.id),
  }));

  app.get(
    '/email-invitations/no-more',
    { config: { auth: 'public' }, schema: { tags, summary: "Who sent an invitation link, and whether its address asked for no more (changes nothing)", querystring: emailInvitationTokenQuery, response: { 200: emailInvitationLinkView } } },
    async (request) => {
      const found = await emailInvitationByLink(ctx.db, request.query.token);
      if (!found) throw badRequest('invalid_link', { key: 'email_invitation' });
      return found;
    },
  );

  app.post(
    '/email-invitations/no-more',
    {
      config: { auth: 'public', ...writeRateLimit(ctx.config) },
      schema: { tags, summary: 'No more invitations to join to this address, from anyone (also the one-click unsubscribe of RFC 8058)', querystring: emailInvitationTokenQuery, response: { 200: emailInvitationLinkView } },
    },
    async (request) => {
      await optOutByLink(ctx.db, request.query.token);
      return (await emailInvitationByLink(ctx.db, request.query.token))!;
    },
  );

  app.post(
    '/email-invitations/join',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Say you joined from an invitation link (after signing up): answers whose it was', body: emailInvitationTokenQuery, response: { 200: z.object({ inviter: z.string() }) } },
    },
    async (request) => joinByLink(ctx.db, viewerOf(request).actor.id, request.body.token),
  );
};
