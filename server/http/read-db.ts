import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter } from 'prom-client';
import type { Db } from '../db/connection.ts';
import type { ReplicaSet } from '../db/replicas/replica-set.ts';
import { viewerOf } from '../viewer/request.ts';
import type { LoadedViewer } from '../viewer/viewer.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * This GET route's reads may come from a streaming replica (up to REPLICA_MAX_LAG_MS behind): it only
     * reads, and a few seconds' staleness does it no harm. Its handler takes `readDbOf(request)` or
     * `readLensOf(request)` for them; authentication, the viewer's standing (blocks) and the graph index
     * still come from the primary and memory. docs/operations.md, "Read replicas", lists these routes.
     */
    replicaReads?: boolean;
  }
}

/**
 * The cookie that keeps a member's reads on the primary for READ_YOUR_WRITES_MS after a write, holding the
 * moment that ends (ms since the epoch). It is no secret and proves nothing: forging it only sends the
 * forger's own reads to the primary, as if there were no replicas. A cookie rather than this process's
 * memory alone because behind a proxy the next request may reach another process, which reads the cookie
 * but not this memory; neither a sticky session nor a shared store is needed for it.
 */
export const READ_YOUR_WRITES_COOKIE = 'rapport_rw';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const chosen = new WeakMap<FastifyRequest, Db>();
/** Each app's count of where its replica-safe routes read, by its replica set (one per app's database). */
const counted = new WeakMap<ReplicaSet, Counter>();

/**
 * Read-your-writes and the routes' replica choice, when replicas are configured (nothing otherwise).
 * Register before the routes: it checks, as each is added, that only GET routes read from replicas.
 */
export function registerReadReplicas(app: FastifyInstance): void {
  const replicas = app.ctx.database.replicas;
  if (!replicas) return;
  app.addHook('onRoute', (route) => {
    if (!route.config?.replicaReads) return;
    const methods = [route.method].flat();
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) {
      throw new Error(`${methods.join(',')} ${route.url}: only GET routes may read from replicas (replicaReads)`);
    }
  });
  counted.set(replicas, new Counter({
    name: 'rapport_replica_route_reads_total',
    help: 'Requests to routes that may read from a replica, by where their reads went (primary: read-your-writes, or no replica in rotation)',
    labelNames: ['db'],
    registers: [app.ctx.metrics],
  }));
  // A write is any request but GET, HEAD or OPTIONS that succeeded. In onSend rather than onResponse, which
  // comes after the headers are sent: the cookie must go with this answer. Signed-out writes (sign-up, sign-in)
  // get the cookie too, since the member they create or sign in reads next.
  app.addHook('onSend', async (request, reply, payload) => {
    if (SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return payload;
    const until = request.actor ? replicas.writers.note(request.actor.id) : Date.now() + replicas.writers.windowMs;
    reply.setCookie(READ_YOUR_WRITES_COOKIE, String(until), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.ctx.config.cookieSecure,
      maxAge: Math.ceil(replicas.writers.windowMs / 1000),
    });
    return payload;
  });
}

/**
 * The database a read of this request may use: a replica in rotation when the route allows it
 * (`replicaReads`) and the caller has not written within READ_YOUR_WRITES_MS; otherwise the primary. One
 * choice per request, so all its reads see the same replica.
 */
export function readDbOf(request: FastifyRequest): Db {
  const { ctx } = request.server;
  const { replicas } = ctx.database;
  if (!replicas || !request.routeOptions.config?.replicaReads) return ctx.db;
  let db = chosen.get(request);
  if (!db) {
    const replica = wroteRecently(request, replicas) ? null : replicas.pick();
    counted.get(replicas)?.inc({ db: replica ? 'replica' : 'primary' });
    db = replica ?? ctx.db;
    chosen.set(request, db);
  }
  return db;
}

/**
 * The request's loaded viewer with its reads on readDbOf(request). The viewer's standing (blocks, open
 * invitations) was loaded from the primary (or the read caches it fills), so who may see whom is decided as
 * fresh as without replicas; only the rows shown may lag.
 */
export async function readLensOf(request: FastifyRequest): Promise<LoadedViewer> {
  const lens = await viewerOf(request).load();
  const db = readDbOf(request);
  return db === lens.db ? lens : { ...lens, db, fromReplica: true };
}

function wroteRecently(request: FastifyRequest, replicas: ReplicaSet): boolean {
  if (request.actor && replicas.writers.wroteRecently(request.actor.id)) return true;
  const raw = request.cookies[READ_YOUR_WRITES_COOKIE];
  if (!raw || !/^\d{1,15}$/.test(raw)) return false;
  const until = Number(raw);
  const now = Date.now();
  // Never longer than the window from now: a made-up far-off moment is ignored rather than obeyed forever.
  return until > now && until <= now + replicas.writers.windowMs;
}
