/**
 * The reciprocity ledger (docs/relationships.md, "Gives and asks"): my gives and asks overall and per person,
 * with the nudges my offers earn, and a give or an ask logged by hand. Like the rest of relationship memory,
 * every route reads and writes the signed-in member's own rows; nobody else, an operator included, can read them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ledgerEntryCreate, ledgerQuery, ledgerTally, ledgerView } from '../../../common/schemas/ledger.ts';
import { handle } from '../../../common/schemas/primitives.ts';
import { logLedgerEntry } from '../../commands/relationships/ledger.ts';
import { hydrateListed } from '../../hydration/listed-people.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { loadPersonCards } from '../../queries/network/people.ts';
import { listLedgerPeople, loadLedgerTotals, loadNudges, loadPairLedger } from '../../queries/relationships/ledger.ts';
import { viewerOf } from '../../viewer/request.ts';
import { presentListedCard } from '../../views/person-card.ts';
import { cardPair } from './relationships.ts';

const tags = ['relationships'];
const handleParams = z.strictObject({ handle });

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/ledger',
    {
      schema: {
        tags,
        summary: 'My gives and asks: overall, per person (most recent first), and who in my network asks for what I offer',
        querystring: ledgerQuery,
        response: { 200: ledgerView },
      },
    },
    async (request) => {
      const lens = await viewerOf(request).load();
      const [overall, page, nudges] = await Promise.all([
        loadLedgerTotals(ctx.db, lens.actor.id, lens.avoid),
        listLedgerPeople(ctx.db, lens.actor.id, lens.avoid, request.query),
        loadNudges(ctx.db, lens.actor.id, lens.avoid),
      ]);
      const listed = await hydrateListed(lens, page.rows.map(({ id, lastAt, ...ledger }) => ({ id, extra: { lastAt, ledger } })));
      const faces = new Map((await loadPersonCards(lens, [...new Set(nudges.flatMap((n) => n.ids))])).map((p) => [p.id, p]));
      return {
        overall,
        people: { items: listed.map((l) => presentListedCard(lens.actor, l)), nextCursor: page.nextCursor },
        nudges: nudges.map((n) => ({ offer: n.offer, count: n.count, people: n.ids.flatMap((id) => faces.get(id) ?? []) })),
      };
    },
  );

  app.get(
    '/members/:handle/ledger',
    { schema: { tags, summary: 'My gives and asks with one person', params: handleParams, response: { 200: ledgerTally } } },
    async (request) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      return loadPairLedger(ctx.db, lens.actor.id, otherId);
    },
  );

  app.post(
    '/members/:handle/ledger',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Log by hand a give or an ask with a person (help, advice, a referral, an introduction made elsewhere)',
        params: handleParams,
        body: ledgerEntryCreate,
        response: { 201: ledgerTally },
      },
    },
    async (request, reply) => {
      const { lens, otherId } = await cardPair(ctx, request, request.params.handle);
      await logLedgerEntry(ctx.db, lens.actor.id, otherId, request.body);
      return reply.status(201).send(await loadPairLedger(ctx.db, lens.actor.id, otherId));
    },
  );
};
