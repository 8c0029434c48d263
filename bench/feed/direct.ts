/**
 * The feed read called as functions, in this process, on the bench database: no HTTP, no Fastify. The graph
 * index is the server's own (GraphService.load: binary COPY of connections and follows), so followees come
 * from memory exactly as in the server. Three layers, each timed alone:
 *
 * - `sql`: feedPage with the authors already known: the one statement (PostgreSQL's time plus the driver);
 * - `skeleton`: homeFeed: followees from the graph index, then feedPage;
 * - `page`: what the route answers (presentPostPage(homeFeed)): the skeleton, then hydration of the page.
 *
 * First pages and next pages (following each viewer's cursors) separately; viewers in turn, so each sample
 * is a different viewer than the one before. Top: READERS.top is what the route serves for order=top.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Actor } from '../../server/auth/actor.ts';
import type { Db } from '../../server/db/connection.ts';
import * as schema from '../../server/db/schema.ts';
import { GraphService } from '../../server/graph/service.ts';
import { type FeedAuthor, feedPage, homeFeed } from '../../server/queries/posts/lists.ts';
import { presentPostPage } from '../../server/routes/posts/shared.ts';
import { createViewer, type Lens } from '../../server/viewer/viewer.ts';
import { stats, type Stats } from '../lib.ts';
import { backendCpu, cpuSpent } from './cpu.ts';
import type { FeedBenchOptions } from './options.ts';
import type { FeedMeta } from './setup.ts';

type Query = { limit: number; cursor?: string };

/**
 * What the feed route does for each order. Top is answered in the recent order until its ranking lands;
 * when it does, point `top` at the function the route calls for order=top (server/routes/posts/posts.ts).
 */
export const READERS: Record<'recent' | 'top', (lens: Lens, q: Query) => Promise<{ items: unknown[]; nextCursor: string | null }>> = {
  recent: async (lens, q) => presentPostPage(lens, await homeFeed(lens, q)),
  top: async (lens, q) => presentPostPage(lens, await homeFeed(lens, q)),
};

const actorOf = (id: number): Actor => ({ id, handle: `m${id}`, role: 'member', status: 'active', via: 'token', sessionHash: null, csrfToken: null });

export interface DirectResult {
  graphLoadMs: number;
  groups: Record<string, Record<string, LayerResult>>;
}

export async function benchDirect(url: string, meta: FeedMeta, o: FeedBenchOptions, log: (line: string) => void): Promise<DirectResult> {
  // The server's pool size: the direct calls run one at a time, so one connection would do.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzle(pool, { schema }) as unknown as Db;
  try {
    let t = performance.now();
    const service = await GraphService.load(db);
    const graphLoadMs = Math.round(performance.now() - t);
    log(`graph index loaded from PostgreSQL in ${graphLoadMs} ms`);
    const index = service.index;
    // Each viewer's lens (their blocks) once, as the server's read caches keep it between requests.
    const lenses = new Map<number, Lens>();
    const lensOf = async (id: number): Promise<Lens> => {
      let lens = lenses.get(id);
      if (!lens) lenses.set(id, (lens = await createViewer(db, () => index, actorOf(id)).load()));
      return lens;
    };
    const database = new URL(url).pathname.slice(1);
    const pgCpu = () => backendCpu(pool, database);
    const groups: DirectResult['groups'] = {};
    for (const k of o.groups) {
      const viewers = meta.viewers[String(k)] ?? [];
      if (viewers.length === 0) continue;
      const authorsOf = new Map<number, FeedAuthor[]>();
      for (const v of viewers) {
        const followees = await index.followees(v);
        const connected = await index.connectedTo(v, followees);
        authorsOf.set(v, [{ id: v, connected: true }, ...followees.map((id, i) => ({ id, connected: connected[i] === true }))]);
      }
      const layers: Record<string, (lens: Lens, q: Query) => Promise<{ rows?: unknown[]; items?: unknown[]; nextCursor: string | null }>> = {
        sql: (lens, q) => feedPage(lens, authorsOf.get(lens.actor.id)!, q),
        skeleton: (lens, q) => homeFeed(lens, q),
        page: READERS.recent,
        top: READERS.top,
      };
      groups[String(k)] = {};
      for (const [name, read] of Object.entries(layers)) {
        groups[String(k)]![name] = await measureLayer(viewers, lensOf, read, o, pgCpu);
        const r = groups[String(k)]![name]!;
        log(`  follows ${k}, ${name}: first p50 ${r.first.p50} / p99 ${r.first.p99} ms; next p50 ${r.next.p50} / p99 ${r.next.p99} ms (${r.itemsPerPage} items); CPU per call ${r.cpuMsPerCall.app} ms here + ${r.cpuMsPerCall.postgres} ms PostgreSQL`);
      }
    }
    t = performance.now();
    return { graphLoadMs, groups };
  } finally {
    await pool.end();
  }
}

/** Wall times of first and next pages, and the CPU one call used here and in PostgreSQL (means). */
export interface LayerResult {
  first: Stats;
  next: Stats;
  itemsPerPage: number;
  cpuMsPerCall: { app: number; postgres: number };
}

async function measureLayer(
  viewers: number[],
  lensOf: (id: number) => Promise<Lens>,
  read: (lens: Lens, q: Query) => Promise<{ rows?: unknown[]; items?: unknown[]; nextCursor: string | null }>,
  o: FeedBenchOptions,
  pgCpu: () => Promise<Map<number, number>>,
): Promise<LayerResult> {
  // Each viewer's cursors to pages 2 … nextPages + 1, read once (also the warm-up for their first pages).
  const cursors = new Map<number, string[]>();
  let items = 0, pages = 0;
  for (const v of viewers) {
    const chain: string[] = [];
    let cursor: string | null = null;
    for (let p = 0; p <= o.nextPages; p++) {
      const lens = await lensOf(v);
      const page = await read(lens, { limit: 20, ...(cursor ? { cursor } : {}) });
      items += (page.rows ?? page.items ?? []).length;
      pages++;
      cursor = page.nextCursor;
      if (!cursor) break;
      if (p < o.nextPages) chain.push(cursor);
    }
    cursors.set(v, chain);
  }
  const first: number[] = [], next: number[] = [];
  const pgBefore = await pgCpu();
  const appBefore = process.cpuUsage();
  for (let s = 0; s < o.samples; s++) {
    const v = viewers[s % viewers.length]!;
    const lens = await lensOf(v);
    let t = performance.now();
    await read(lens, { limit: 20 });
    first.push(performance.now() - t);
    const chain = cursors.get(v)!;
    if (chain.length === 0) continue;
    const cursor = chain[s % chain.length]!;
    t = performance.now();
    await read(lens, { limit: 20, cursor });
    next.push(performance.now() - t);
  }
  const app = process.cpuUsage(appBefore);
  const calls = Math.max(1, first.length + next.length);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    first: stats(first),
    next: stats(next),
    itemsPerPage: Math.round((items / Math.max(1, pages)) * 10) / 10,
    cpuMsPerCall: { app: r2((app.user + app.system) / 1000 / calls), postgres: r2(cpuSpent(pgBefore, await pgCpu()) / calls) },
  };
}
