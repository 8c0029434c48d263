import type { NetworkDeps } from '../../commands/network/deps.ts';
import type { AppContext } from '../../context.ts';

export const networkDeps = (ctx: AppContext): NetworkDeps => ({ db: ctx.db, graph: ctx.graph, limits: ctx.config.network });
