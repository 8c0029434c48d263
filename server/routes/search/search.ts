import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberSearchQuery, memberSearchResult } from '../../../common/schemas/search.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { hydratePeople } from '../../hydration/people.ts';
import { searchCandidates } from '../../queries/search-members.ts';
import { rankCandidates } from '../../queries/search-rank.ts';
import { presentActionableCard } from '../../views/person-card.ts';
import { readDbOf, readLensOf } from '../../http/read-db.ts';

/**
 * Candidates per source. Ranking by degree needs the whole pool in hand, so the pool is what a search can
 * show: a few hundred hits, ranked, paged by cursor. Its cost does not depend on how many members match.
 */
const POOL = 200;
/**
 * A 2nd- or 3rd-degree filter keeps a fraction of the pool, so it takes a larger one. The degree sets
 * themselves never reach SQL (a 2nd-degree set runs to hundreds of thousands of ids at 1 M members).
 */
const FILTERED_POOL = 1_000;

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search/members',
    {
      // Only reads, and a profile a few seconds late in the results harms no one (docs/operations.md, "Read replicas").
      config: { replicaReads: true },
      schema: {
        tags: ['search'],
        summary:
          'People search by name (typo-tolerant), headline, skills, organisation and location, with filters, closest in the network first; each hit carries degree, mutual count and the viewer’s connection state',
        querystring: memberSearchQuery,
        response: { 200: memberSearchResult },
      },
    },
    async (request) => {
      const lens = await readLensOf(request);
      const { actor } = lens;
      // The cursor is the last hit's rank (degree bucket, score, id) within the pool, which each page draws
      // again: a keyset, so a change between pages shifts no hit into a repeat.
      const after = decodeCursor(request.query.cursor, { b: 'id', s: 'score', i: 'id' });
      const viewer = { id: actor.id, isAdmin: actor.role === 'admin' };
      const wanted = request.query.degree ? (Number(request.query.degree) as 1 | 2 | 3) : null;
      const candidates = await searchCandidates(readDbOf(request), viewer, request.query, {
        exclude: lens.avoid,
        connectionsOnly: wanted === 1,
        pool: wanted === 2 || wanted === 3 ? FILTERED_POOL : POOL,
      });
      const degrees = await lens.graph.degrees(actor.id, candidates.map((c) => c.id), { avoid: lens.avoid });
      const { page, next } = rankCandidates(candidates, degrees, { after, limit: request.query.limit, wanted });

      // The page through the spine: ids → hydration (records and relations in one statement) → abilities → card.
      const people = await hydratePeople(lens, page.map((k) => k.i), { relations: true });
      const items = people.map((p) => presentActionableCard(actor, p));
      return { items, nextCursor: next ? encodeCursor({ b: next.b, s: next.s, i: next.i }) : null };
    },
  );
};
