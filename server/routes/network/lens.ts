import type { Actor } from '../../auth/actor.ts';
import type { NetworkDeps } from '../../commands/network/deps.ts';
import type { AppContext } from '../../context.ts';
import { loadAvoidSet } from '../../queries/network/avoid.ts';
import type { Lens } from '../../queries/network/people.ts';

/** The viewer's lens for one request: their blocks are loaded once and applied to every person shown. */
export async function lensFor(ctx: AppContext, actor: Actor): Promise<Lens> {
  return { db: ctx.db, graph: ctx.graph.index, actor, avoid: await loadAvoidSet(ctx.db, actor.id) };
}

export const networkDeps = (ctx: AppContext): NetworkDeps => ({ db: ctx.db, graph: ctx.graph, limits: ctx.config.network });
