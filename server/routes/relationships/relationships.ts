/**
 * The private relationship memory (docs/relationships.md): my card on a person, its notes, logged meetings,
 * the keep-in-touch list and the list of everyone I keep a card on. Every route reads and writes the signed-in
 * member's own rows only; there is no route by which anyone else (an operator included) reads them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bigIdParam, handle } from '../../../common/schemas/primitives.ts';
import {
  interactionLog,
  interactionLogged,
  keepInTouchQuery,
  noteCreate,
  notePage,
  notesQuery,
  noteUpdate,
  noteView,
  relationshipPage,
  relationshipPatch,
  relationshipsQuery,
  relationshipView,
} from '../../../common/schemas/relationships.ts';
import { patchRelationship } from '../../commands/relationships/cards.ts';
import { logInteraction } from '../../commands/relationships/log.ts';
import { addNote, deleteNote, editNote } from '../../commands/relationships/notes.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { hydrateListed } from '../../hydration/listed-people.ts';
import type { KeysetPage } from '../../http/cursor.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import type { Listed } from '../../hydration/listed-people.ts';
import { cardRefusal } from '../../policies/relationships.ts';
import { memberByHandle } from '../../queries/members.ts';
import { loadPersonCards } from '../../queries/network/people.ts';
import { cadenceOfDays, iso, isRelated, loadCardFacts, tagsOfCards } from '../../queries/relationships/card.ts';
import { listCards, listDue, listNotes } from '../../queries/relationships/lists.ts';
import { strengthOf } from '../../relationships/strength.ts';
import { presentListedCard } from '../../views/person-card.ts';
import type { FastifyRequest } from 'fastify';
import type { LoadedViewer } from '../../viewer/viewer.ts';
import { viewerOf } from '../../viewer/request.ts';
import type { AppContext } from '../../context.ts';
import type { CardExtra } from '../../queries/relationships/lists.ts';

const tags = ['relationships'];
const handleParams = z.strictObject({ handle });
const noteParams = z.strictObject({ handle, id: bigIdParam });

/** The signed-in member and the person of `:handle`, once the card policy allows a card between them. */
export async function cardPair(ctx: AppContext, request: FastifyRequest, h: string): Promise<{ lens: LoadedViewer; otherId: number }> {
  const lens = await viewerOf(request).load();
  const other = await memberByHandle(ctx.db, h);
  const self = other.id === lens.actor.id;
  const blocked = lens.avoid.has(other.id);
  const refusal = cardRefusal({ self, blocked, related: self || blocked ? false : await isRelated(ctx.db, lens.actor.id, other.id) });
  if (refusal === 'relationship_self') throw badRequest('relationship_self');
  if (refusal === 'not_found') throw notFound('member');
  if (refusal === 'no_relationship') throw forbidden('no_relationship');
  return { lens, otherId: other.id };
}

async function presentCard(lens: LoadedViewer, otherId: number) {
  const [person] = await loadPersonCards(lens, [otherId]);
  if (!person) throw notFound('member');
  const f = await loadCardFacts(lens.db, lens.avoid, lens.actor.id, otherId);
  const days = f.last ? Math.max(0, Math.floor((Date.now() - Date.parse(f.last.at)) / 86_400_000)) : null;
  return {
    person,
    howWeMet: {
      ...f.howWeMet,
      via: f.introducerId === null ? null : ((await loadPersonCards(lens, [f.introducerId]))[0] ?? null),
      edited: f.card?.metText ? { text: f.card.metText, at: f.card.metOn } : null,
    },
    tags: f.tags,
    cadence: (f.card?.cadence ?? null) as ReturnType<typeof cadenceOfDays>,
    effectiveCadence: cadenceOfDays(f.card?.cadenceDays ?? null),
    dueAt: iso(f.card?.dueAt ?? null),
    snoozedUntil: iso(f.card?.snoozedUntil ?? null),
    lastInteraction: f.last,
    strength: strengthOf({ counts: f.counts, daysSinceLast: days }),
    notesCount: f.card?.notesCount ?? 0,
  };
}

/** A page of my people, through the read spine (degree badges, blocks), with their tags. */
async function presentPeople(lens: LoadedViewer, page: KeysetPage<Listed<CardExtra>>) {
  const listed = await hydrateListed(lens, page.rows);
  const tagsOf = await tagsOfCards(lens.db, lens.actor.id, listed.map((l) => l.person.record.id));
  return {
    items: listed.map((l) => presentListedCard(lens.actor, { person: l.person, extra: { ...l.extra, tags: tagsOf.get(l.person.record.id) ?? [] } })),
    nextCursor: page.nextCursor,
  };
}

export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/members/:handle/relationship',
    { schema: { tags, summary: 'My private card on a person: how we met, tags, cadence, last interaction, strength', params: handleParams, response: { 200: relationshipView } } },
    async (request) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      return presentCard(lens, otherId);
    },
  );

  app.patch(
    '/members/:handle/relationship',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Change my card on a person: how we met (null: back to the captured origin), cadence, tags, snooze',
        params: handleParams,
        body: relationshipPatch,
        response: { 200: relationshipView },
      },
    },
    async (request) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      await patchRelationship(ctx.db, lens.actor.id, otherId, request.body);
      return presentCard(lens, otherId);
    },
  );

  app.get(
    '/members/:handle/notes',
    { schema: { tags, summary: 'My private notes on a person, newest first', params: handleParams, querystring: notesQuery, response: { 200: notePage } } },
    async (request) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      const page = await listNotes(ctx.db, lens.actor.id, otherId, request.query);
      return { items: page.rows, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/members/:handle/notes',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Add a private note on a person, with the date of the meeting it records', params: handleParams, body: noteCreate, response: { 201: noteView } } },
    async (request, reply) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      return reply.status(201).send(await addNote(ctx.db, lens.actor.id, otherId, request.body));
    },
  );

  app.patch(
    '/members/:handle/notes/:id',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Edit one of my notes on a person', params: noteParams, body: noteUpdate, response: { 200: noteView } } },
    async (request) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      return editNote(ctx.db, lens.actor.id, otherId, request.params.id, request.body);
    },
  );

  app.delete(
    '/members/:handle/notes/:id',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: 'Delete one of my notes on a person', params: noteParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      await deleteNote(ctx.db, lens.actor.id, otherId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/members/:handle/interactions',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Log a meeting, a call or another interaction by hand (private): it resets the stay-in-touch clock',
        params: handleParams,
        body: interactionLog,
        response: { 201: interactionLogged },
      },
    },
    async (request, reply) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      await logInteraction(ctx.db, lens.actor.id, otherId, request.body);
      const card = await presentCard(lens, otherId);
      return reply.status(201).send({ lastInteraction: card.lastInteraction, dueAt: card.dueAt });
    },
  );

  app.get(
    '/keep-in-touch',
    { schema: { tags, summary: 'People due a word (or overdue) by their cadence, the longest waiting first', querystring: keepInTouchQuery, response: { 200: relationshipPage } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      return presentPeople(lens, await listDue(ctx.db, lens.actor.id, lens.avoid, request.query));
    },
  );

  app.get(
    '/relationships',
    { schema: { tags, summary: 'Everyone I keep a card on, by name; optionally only those with one of my tags', querystring: relationshipsQuery, response: { 200: relationshipPage } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      return presentPeople(lens, await listCards(ctx.db, lens.actor.id, lens.avoid, request.query));
    },
  );
};

