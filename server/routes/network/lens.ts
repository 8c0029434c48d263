import type { Actor } from '../../auth/actor.ts';
import type { NetworkDeps } from '../../commands/network/deps.ts';
import type { AppContext } from '../../context.ts';
import type { Lens } from '../../queries/network/people.ts';
import { createViewer } from '../../viewer/viewer.ts';

/**
 * The viewer's lens outside a request's viewer. Routes read `viewerOf(request).load()` instead, which
 * loads blocks once per request; this stays for search and invitations (owned by the "search" and
 * "screening" helpers of issue 10) until they move to the viewer.
 */
export async function lensFor(ctx: AppContext, actor: Actor): Promise<Lens> {
  return createViewer(ctx.db, () => ctx.graph.index, actor).load();
}

export const networkDeps = (ctx: AppContext): NetworkDeps => ({ db: ctx.db, graph: ctx.graph, limits: ctx.config.network });
