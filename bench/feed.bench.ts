/**
 * `npm run bench -- feed [flags]` (small: 20 k members, 200 k posts) and `npm run bench:feed [flags]` (the
 * issue's 1 M members and 10 M posts): the home feed, fan-out on read, live message delivery and the feed
 * under load against the bare route, on a PostgreSQL server (bench/feed/options.ts lists the flags).
 *
 * Phases (each skippable with --skip name,…; each records the load average before and after, since the
 * machine is shared):
 * 1. setup    the database `rapport_bench_feed` (bench/feed/setup.ts), reused when its sizes match;
 * 2. direct   the feed read as functions in this process (bench/feed/direct.ts);
 * 3. http     the real server: latency one request at a time, then load with the bare route (http.ts);
 * 4. fanout   POST /posts by a member with 10,000 followers and one with 10, with 1,000 followers' streams open;
 * 5. sse      messages to 1,000 open streams, sent to the same process;
 * 6. sse2     the same with the streams on a second process on the same database.
 */
import { loadAverage } from './graph/measure.ts';
import { benchUrl, createTokens } from './graph/pg-setup.ts';
import { benchDirect } from './feed/direct.ts';
import { httpLatency, httpLoad } from './feed/http.ts';
import { benchFanout, benchMessages } from './feed/live.ts';
import { parseFeedOptions } from './feed/options.ts';
import { type BenchServer, settle, startBenchServer } from './http-server.ts';
import { ensureFeedDatabase, withClient } from './feed/setup.ts';
import { openStreams, type OpenStreams } from './feed/streams.ts';
import type { Benchmark } from './lib.ts';

const label = parseFeedOptions(process.argv.slice(2)).label;

const bench: Benchmark = {
  // --label names the files feed-<label>-<ts>.json and latest-feed-<label>.json (a partial or special run).
  name: label ? `feed-${label}` : 'feed',
  description: 'Home feed (recent, top) by number followed, fan-out on read, live message delivery over SSE (one and two processes), feed vs bare route under load, on PostgreSQL',
  async run(log) {
    const o = parseFeedOptions(process.argv.slice(2));
    const url = benchUrl(o.pg, o.database);
    const result: Record<string, unknown> = {
      command: `npm run bench -- feed ${process.argv.slice(2).filter((a) => a !== 'feed').join(' ')}`.trim(),
      options: { ...o, skip: [...o.skip] },
      loadAverageStart: loadAverage(),
      phases: {} as Record<string, unknown>,
    };
    const phases = result.phases as Record<string, unknown>;
    try {
      await withClient(benchUrl(o.pg, 'postgres'), (c) => c.query('SELECT 1'));
    } catch (err) {
      // `npm run bench` runs every benchmark: without a server this one says so and lets the others run.
      log(`no PostgreSQL at ${o.pg} (${(err as Error).message}): skipped (--pg <url> or RAPPORT_BENCH_PG)`);
      return { ...result, skipped: `no PostgreSQL at ${o.pg}` };
    }
    const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
      if (o.skip.has(name)) return undefined;
      log(`-- ${name}`);
      const timing = { loadAverageBefore: loadAverage(), ms: 0, loadAverageAfter: [] as number[] };
      phases[name] = timing;
      const t = performance.now();
      try {
        return await fn();
      } finally {
        timing.ms = Math.round(performance.now() - t);
        timing.loadAverageAfter = loadAverage();
      }
    };

    const { meta, reused } = (await phase('setup', () => ensureFeedDatabase(o, log)))!;
    result.data = {
      members: meta.members,
      posts: meta.posts?.counts,
      postsBuilt: meta.posts?.built,
      postsBuildMs: meta.posts?.ms,
      membersBuildMs: meta.setupMs,
      reused,
      viewersPerGroup: Object.fromEntries(Object.entries(meta.viewers).map(([k, v]) => [k, v.length])),
      followeesConnectedShare: meta.connectedShare,
      popularFollowers: meta.popularFollowers,
    };
    // What earlier runs wrote (fan-out posts, messages) goes, so every run reads the same data.
    await withClient(url, async (c) => {
      await c.query(`DELETE FROM posts WHERE id > $1`, [meta.posts!.posts]);
      await c.query(`DELETE FROM conversations WHERE created_by = ANY($1::int[])`, [meta.senders]);
      await c.query(`DELETE FROM access_tokens WHERE name = 'bench'`);
      const newest = await c.query<{ h: number }>(`SELECT extract(epoch FROM now() - max(created_at))::float8 / 3600 AS h FROM posts`);
      (result.data as Record<string, unknown>).newestPostAgeHours = Math.round((newest.rows[0]?.h ?? 0) * 10) / 10;
    });

    result.direct = await phase('direct', () => benchDirect(url, meta, o, log));

    const needServer = ['http', 'load', 'fanout', 'sse', 'sse2'].some((p) => !o.skip.has(p));
    if (!needServer) return result;
    const viewers = o.groups.flatMap((k) => meta.viewers[String(k)] ?? []);
    const streamMembers = meta.streamMembers.slice(0, o.streams);
    const people = [...new Set([...viewers, meta.popular, meta.quiet, ...streamMembers, ...meta.senders.slice(0, o.senders)])];
    const tokenList = await createTokens(o.pg, people.map((id) => id - 1), o.database);
    const tokens = new Map(people.map((id, i) => [id, tokenList[i]!]));
    const servers: BenchServer[] = [];
    let streams: OpenStreams | null = null;
    try {
      const a = (await phase('server', async () => startBenchServer(url, o.port, log)))!;
      servers.push(a);
      result.serverReadyMs = a.readyMs;
      result.serverSettled = await settle(a.port);
      const latency = await phase('http', () => httpLatency(a.port, meta.viewers, tokens, o, log, url));
      if (latency) result.http = latency.results;
      const load = await phase('load', () => httpLoad(url, a.port, meta.viewers, latency?.cursors ?? {}, tokens, o, log));
      if (load) result.load = load;
      if (!o.skip.has('fanout') || !o.skip.has('sse')) {
        streams = await openStreams(a.port, streamMembers, tokens, log);
        result.fanout = await phase('fanout', () => benchFanout(a.port, streams!, meta, tokens, o, log, url));
        result.messagesOneProcess = await phase('sse', () => benchMessages(a.port, a.port, streams!, streamMembers, meta.senders.slice(0, o.senders), tokens, o, log));
        streams.close();
        streams = null;
      }
      result.messagesTwoProcesses = await phase('sse2', async () => {
        const b = await startBenchServer(url, o.port + 1, log);
        servers.push(b);
        result.secondServerReadyMs = b.readyMs;
        result.secondServerSettled = await settle(b.port);
        streams = await openStreams(b.port, streamMembers, tokens, log);
        // Other recipients' conversations than the one-process run: the second half of the senders' pairs.
        return benchMessages(a.port, b.port, streams, [...streamMembers].reverse(), meta.senders.slice(0, o.senders), tokens, o, log);
      });
    } finally {
      (streams as OpenStreams | null)?.close();
      for (const s of servers.reverse()) await s.stop();
    }
    result.loadAverageEnd = loadAverage();
    if (o.dropDb) {
      const { dropBenchDatabase } = await import('./graph/pg-setup.ts');
      await dropBenchDatabase(o.pg, o.database);
    }
    return result;
  },
};

export default bench;
