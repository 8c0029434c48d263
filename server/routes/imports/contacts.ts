/**
 * My contacts (issue 14): people from imported address books, private to me, each with the member they were
 * matched to (handle, degree) when I may see them; "N of your connections are here" with Connect (an
 * invitation whose context the server sets to 'import') and Dismiss; notes and tags on a contact.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactConnectBody, contactListQuery, contactMatches, contactNoteBody, contactNotes as contactNotesView, contactPage, contactTagsBody, type ContactView } from '../../../common/schemas/imports.ts';
import { idParam } from '../../../common/schemas/primitives.ts';
import { addContactNote, dismissContact, setContactTags } from '../../commands/contacts/contacts.ts';
import { sendInvitation } from '../../commands/network/send-invitation.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { contactConnectRefusal, ownRefusal } from '../../policies/imports.ts';
import { type ContactRow, contactNotes, listContacts, listMatchedContacts, loadContact, tagsOfContacts } from '../../queries/imports/imports.ts';
import { loadPersonCards } from '../../queries/network/people.ts';
import type { LoadedViewer } from '../../viewer/viewer.ts';
import { viewerOf } from '../../viewer/request.ts';
import { networkDeps } from '../network/lens.ts';
import type { AppContext } from '../../context.ts';

const tags = ['contacts'];
const idParams = z.strictObject({ id: idParam });

/** Contacts with their matched members as the viewer sees them: someone hidden by a block or suspended shows unmatched. */
async function presentContacts(ctx: AppContext, lens: LoadedViewer, found: readonly ContactRow[]): Promise<ContactView[]> {
  const matched = [...new Set(found.map((c) => c.matchedMemberId).filter((id): id is number => id !== null))];
  const cards = new Map((await loadPersonCards(lens, matched)).map((p) => [p.id, p]));
  const tagsOf = await tagsOfContacts(ctx.db, lens.actor.id, found.map((c) => c.id));
  return found.map((c) => {
    const card = c.matchedMemberId === null ? undefined : cards.get(c.matchedMemberId);
    return {
      id: c.id,
      name: c.name,
      emails: c.emails,
      phones: c.phones,
      urls: c.urls,
      organisation: c.organisation,
      title: c.title,
      birthday: c.birthday,
      note: c.note,
      source: c.source,
      connectedOn: c.connectedOn,
      lastInteractionAt: c.lastInteractionAt ? new Date(c.lastInteractionAt).toISOString() : null,
      messageCount: c.messageCount,
      invitationCount: c.invitationCount,
      member: card ? { ...card, connected: card.degree === 1 } : null,
      match: card && c.matchKind ? { kind: c.matchKind, confidence: Number(c.matchConfidence ?? 0) } : null,
      dismissed: c.dismissedAt !== null,
      tags: tagsOf.get(c.id) ?? [],
      notesCount: c.notesCount,
    };
  });
}

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  async function ownContact(actorId: number, id: number) {
    const found = await loadContact(ctx.db, id);
    const refusal = ownRefusal(actorId, found, 'contact');
    if (refusal) throw refusal;
    return found!;
  }

  app.get(
    '/contacts',
    { schema: { tags, summary: 'My contacts by name, each with `member` (handle, degree) when matched to someone here', querystring: contactListQuery, response: { 200: contactPage } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      const page = await listContacts(ctx.db, lens.actor.id, request.query);
      return { items: await presentContacts(ctx, lens, page.rows), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/contacts/matches',
    { schema: { tags, summary: '"N of your connections are here": my contacts matched to members, not dismissed, the surest first', response: { 200: contactMatches } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      const { rows } = await listMatchedContacts(ctx.db, lens.actor.id, 200);
      const items = (await presentContacts(ctx, lens, rows)).filter((c) => c.member !== null);
      return { count: items.length, items };
    },
  );

  app.post(
    '/contacts/:id/connect',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Invite the member this contact was matched to (context: import), with an optional note', params: idParams, body: contactConnectBody, response: { 201: z.object({ outcome: z.enum(['invited', 'connected']), invitationId: z.number() }), 200: z.object({ outcome: z.enum(['invited', 'connected']), invitationId: z.number() }) } } },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const lens = await viewer.load();
      const contact = await ownContact(lens.actor.id, request.params.id);
      const [card] = contact.matchedMemberId === null ? [] : await loadPersonCards(lens, [contact.matchedMemberId]);
      const refusal = contactConnectRefusal(contact, card !== undefined);
      if (refusal) throw refusal;
      const result = await sendInvitation(networkDeps(ctx), lens.actor, { to: card!.handle, note: request.body.note, context: 'profile', ...(request.body.email ? { email: request.body.email } : {}) }, { context: 'import' });
      return reply.status(result.outcome === 'invited' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/contacts/:id/dismiss',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Dismiss a match: it leaves "are here" (the contact stays)', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actorId = viewerOf(request).actor.id;
      await ownContact(actorId, request.params.id);
      await dismissContact(ctx.db, actorId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/contacts/:id/notes',
    { schema: { tags, summary: 'My notes on a contact, newest first', params: idParams, response: { 200: contactNotesView } } },
    async (request) => {
      await ownContact(viewerOf(request).actor.id, request.params.id);
      return { items: await contactNotes(ctx.db, request.params.id) };
    },
  );

  app.post(
    '/contacts/:id/notes',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Keep a private note on a contact', params: idParams, body: contactNoteBody, response: { 201: z.object({ id: z.number() }) } } },
    async (request, reply) => {
      const actorId = viewerOf(request).actor.id;
      await ownContact(actorId, request.params.id);
      return reply.status(201).send(await addContactNote(ctx.db, actorId, request.params.id, request.body.text));
    },
  );

  app.put(
    '/contacts/:id/tags',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: "Set a contact's tags (from my relationship tags)", params: idParams, body: contactTagsBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const actorId = viewerOf(request).actor.id;
      await ownContact(actorId, request.params.id);
      await setContactTags(ctx.db, actorId, request.params.id, request.body.tagIds);
      return reply.status(204).send(null);
    },
  );
};
