import { monitorEventLoopDelay } from 'node:perf_hooks';
import { inArray } from 'drizzle-orm';
import type { MemberSearchQuery } from '../common/schemas/search.ts';
import { generateCommunity } from '../scripts/demo/generate.ts';
import { DEMO_PASSWORD, loadDemo } from '../scripts/demo/load.ts';
import { buildApp } from '../server/app.ts';
import { testConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';
import { members, organisations } from '../server/db/schema.ts';
import { searchCandidates } from '../server/queries/search-members.ts';
import { type Benchmark, type Stats, stats, time } from './lib.ts';

const SIZES = [1000, 2000];
const WARMUP = 30;
const CALLS = 300;
const SEED = 42;

/**
 * app.inject never does I/O, so back-to-back injected requests would never let the event loop turn and its
 * delay monitor would see nothing. A real server turns the loop between requests (socket reads); so do we.
 */
const turnLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A plausible typo: two neighbouring letters of the family name swapped, or one dropped. */
function misspell(name: string, i: number): string {
  const cut = name.lastIndexOf(' ') + 2;
  const at = Math.min(name.length - 2, cut + (i % 3));
  return i % 2 ? name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2) : name.slice(0, at) + name.slice(at + 1);
}

type Query = { q: string; organisation?: number };

async function measure(queries: Query[], call: (q: Query) => Promise<number>): Promise<Stats & { hitsMean: number }> {
  for (let i = 0; i < WARMUP; i++) await call(queries[i % queries.length]!);
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < CALLS; i++) {
    const [ms, n] = await time(() => call(queries[i % queries.length]!));
    samples.push(ms);
    hits += n;
    await turnLoop();
  }
  return { ...stats(samples), hitsMean: Math.round((hits / CALLS) * 10) / 10 };
}

const bench: Benchmark = {
  name: 'search',
  description: 'people search on embedded PGlite (in memory) with demo communities of 1,000 and 2,000 members',
  async run(log) {
    const community = generateCommunity(Math.max(...SIZES), SEED);
    const config = testConfig({ scryptLogN: 12 });
    const database = await openDatabase(config);
    await migrate(database.db);
    const app = await buildApp(config, { database, background: false });
    const out: Record<string, unknown> = { target: 'search for 1,000 members returns in under 50 ms on PGlite (p50)', seed: SEED, warmup: WARMUP, callsPerKind: CALLS };
    try {
      for (const size of SIZES) {
        const [loadMs] = await time(() =>
          loadDemo(database, { ...community, people: community.people.slice(0, size) }, { publicUrl: config.publicUrl, scryptLogN: config.scryptLogN }),
        );
        log(`${size} members loaded in ${(loadMs / 1000).toFixed(1)} s`);
        const people = community.people.slice(0, size);
        const names = people.filter((_, i) => i % 37 === 5).slice(0, 20).map((p) => p.name);
        const orgRows = await database.db
          .select({ id: organisations.id })
          .from(organisations)
          .where(inArray(organisations.name, community.organisations.slice(0, 10).map((o) => o.name)));
        const viewerEmail = people[1]!.email;
        const [viewer] = await database.db.select({ id: members.id }).from(members).where(inArray(members.email, [viewerEmail]));
        const kinds: Record<string, Query[]> = {
          exactName: names.map((q) => ({ q })),
          misspeltName: names.map((n, i) => ({ q: misspell(n, i) })),
          skill: ['kubernetes', 'financial modelling', 'user research', 'gdpr', 'b2b sales', 'python', 'seo', 'lean'].map((q) => ({ q })),
          organisationFilter: orgRows.map((o) => ({ q: '', organisation: o.id })),
          headlineWord: ['engineer', 'product', 'student', 'director', 'retired', 'designer', 'analyst', 'consultant'].map((q) => ({ q })),
        };

        const direct: Record<string, unknown> = {};
        for (const [kind, queries] of Object.entries(kinds)) {
          direct[kind] = await measure(queries, async (q) => {
            const query: MemberSearchQuery = { q: q.q, limit: 20, ...(q.organisation ? { organisation: q.organisation } : {}) };
            // The candidate pool (the route's SQL half); the route adds ranking by degree and the page's cards.
            return (await searchCandidates(database.db, { id: viewer!.id, isAdmin: false }, query, { exclude: new Set(), connectionsOnly: false, pool: 200 })).length;
          });
        }

        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: viewerEmail, password: DEMO_PASSWORD } });
        const cookie = login.cookies.find((c) => c.name === 'rapport_session');
        if (!cookie) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
        const histogram = monitorEventLoopDelay({ resolution: 1 });
        const http: Record<string, unknown> = {};
        histogram.enable();
        for (const [kind, queries] of Object.entries(kinds)) {
          http[kind] = await measure(queries, async (q) => {
            const params = new URLSearchParams({ q: q.q, ...(q.organisation ? { organisation: String(q.organisation) } : {}) });
            const res = await app.inject({ method: 'GET', url: `/api/v1/search/members?${params}`, cookies: { rapport_session: cookie.value } });
            if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
            return res.json<{ items: unknown[] }>().items.length;
          });
        }
        // Concurrent load: 8 requests in flight. PGlite runs queries on the event loop, so each stalls it.
        const concurrentSamples: number[] = [];
        const all = Object.values(kinds).flat();
        await Promise.all(
          Array.from({ length: 8 }, async (_, worker) => {
            for (let i = 0; i < 40; i++) {
              const q = all[(worker * 40 + i) % all.length]!;
              const params = new URLSearchParams({ q: q.q, ...(q.organisation ? { organisation: String(q.organisation) } : {}) });
              const [ms] = await time(() => app.inject({ method: 'GET', url: `/api/v1/search/members?${params}`, cookies: { rapport_session: cookie.value } }));
              concurrentSamples.push(ms);
              await turnLoop();
            }
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
        histogram.disable();
        const ns = (v: number) => Math.round(v / 1e4) / 100;
        const eventLoopDelay = {
          samples: histogram.count,
          p50: ns(histogram.percentile(50)),
          p99: ns(histogram.percentile(99)),
          max: ns(histogram.max),
          mean: ns(histogram.mean),
        };
        const concurrent8 = stats(concurrentSamples);
        out[`members${size}`] = { loadS: Math.round(loadMs / 100) / 10, searchMembers: direct, http, concurrent8, eventLoopDelayMs: eventLoopDelay };
        for (const kind of Object.keys(kinds)) {
          const d = direct[kind] as Stats;
          const h = http[kind] as Stats;
          log(`${size} ${kind.padEnd(18)} query p50 ${d.p50.toFixed(2)} p99 ${d.p99.toFixed(2)} ms | http p50 ${h.p50.toFixed(2)} p99 ${h.p99.toFixed(2)} ms`);
        }
        log(`${size} http, 8 concurrent       p50 ${concurrent8.p50.toFixed(2)} p99 ${concurrent8.p99.toFixed(2)} ms`);
        log(`${size} event-loop delay during HTTP load: p99 ${eventLoopDelay.p99} ms, max ${eventLoopDelay.max} ms`);
      }
    } finally {
      await app.close();
      await database.close();
    }
    return out;
  },
};

export default bench;
