import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberSearchQuery, memberSearchResult, type PersonCard } from '../../../common/schemas/search.ts';
import { searchMembers } from '../../queries/search-members.ts';
import { presentCards, withConnectionStates } from '../../queries/network/people.ts';
import { lensFor } from '../network/lens.ts';

/** A degree filter over a set this large filters page by page instead of passing the ids to SQL. */
const MAX_ID_FILTER = 50_000;
/** How many search pages one request may scan for a 3rd-degree filter before it returns what it found. */
const MAX_FILTER_ROUNDS = 8;

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/search/members',
    {
      schema: {
        tags: ['search'],
        summary:
          'People search by name (typo-tolerant), headline, skills, organisation and location, with filters; each hit carries degree, mutual count and the viewer’s connection state',
        querystring: memberSearchQuery,
        response: { 200: memberSearchResult },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const lens = await lensFor(ctx, actor);
      const viewer = { id: actor.id, isAdmin: actor.role === 'admin' };
      const wanted = request.query.degree ? Number(request.query.degree) : null;
      // 1st and 2nd degree are known sets: hand them to SQL and paginate as usual.
      let only: ReadonlySet<number> | undefined;
      if (wanted === 1) only = new Set(ctx.graph.csrIndex.graph.neighbours(actor.id));
      if (wanted === 2) {
        const second = await ctx.graph.index.secondDegree(actor.id, { avoid: lens.avoid });
        if (second.length <= MAX_ID_FILTER) only = new Set(second);
      }
      const scope = { exclude: lens.avoid, ...(only ? { only } : {}) };
      if (wanted === null || only) {
        const { hits, nextCursor } = await searchMembers(ctx.db, viewer, request.query, scope);
        return { items: await withConnectionStates(lens, await presentCards(lens, hits.map(cardRow))), nextCursor };
      }
      // 3rd degree (or a huge 2nd-degree set): filter search pages by degree until the page is full.
      const items: PersonCard[] = [];
      let cursor = request.query.cursor;
      for (let round = 0; round < MAX_FILTER_ROUNDS && items.length < request.query.limit; round++) {
        const { hits, nextCursor } = await searchMembers(ctx.db, viewer, { ...request.query, cursor, limit: 50 }, scope);
        const cards = await presentCards(lens, hits.map(cardRow));
        for (const c of cards) if (c.degree === wanted && items.length < request.query.limit) items.push(c);
        cursor = nextCursor ?? undefined;
        if (!nextCursor) break;
      }
      // The cursor resumes after the last page scanned; hits past the limit on it are skipped, an accepted
      // approximation for a filter that has no index.
      return { items: await withConnectionStates(lens, items), nextCursor: cursor ?? null };
    },
  );
};

const cardRow = (h: { id: number; handle: string; name: string; headline: string; location: string | null; photoEtag: string | null }) => ({
  id: h.id,
  handle: h.handle,
  name: h.name,
  headline: h.headline,
  location: h.location ?? '',
  // The search query already withheld location where the profile is network-only and the viewer outside it.
  visibility: 'signed_in' as const,
  photoEtag: h.photoEtag,
});
