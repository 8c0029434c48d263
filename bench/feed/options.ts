/**
 * The feed benchmark's knobs, from the command line (`npm run bench -- feed --members 1000000 …`). The
 * defaults are a small run that `npm run bench` can afford (about 3 minutes); `npm run bench:feed` passes
 * the sizes (1 M members, 10 M posts).
 */
export interface FeedBenchOptions {
  /** PostgreSQL server; the benchmark's own database is created next to it (never `test`). */
  pg: string;
  database: string;
  members: number;
  posts: number;
  /** Viewers per followed-count group (each follows exactly that many members). */
  viewersPerGroup: number;
  groups: number[];
  /** Posts of the last this many days carry reactions and comments (the Top order's engagement). */
  engagementDays: number;
  /** The newest this many days of posts are written after the VACUUM, as in production (not all-visible). */
  freshDays: number;
  /** Direct calls per group and page kind (after a warm-up of a fifth as many). */
  samples: number;
  /** Pages followed from the first (next pages). */
  nextPages: number;
  httpSamples: number;
  httpDurationS: number;
  httpConnections: number[];
  port: number;
  streams: number;
  messages: number;
  /** Members who send the messages (each to one stream member at a time). */
  senders: number;
  /** Messages sent per second (open loop). */
  messageRate: number;
  /** Posts per author in the fan-out phase. */
  fanoutPosts: number;
  popularFollowers: number;
  skip: Set<string>;
  /** Keep the database (default) or drop it at the end (--drop-db). */
  dropDb: boolean;
  /** Rebuild it even when one of the same size exists. */
  rebuild: boolean;
  label: string;
}

export function parseFeedOptions(args: readonly string[]): FeedBenchOptions {
  // The last occurrence wins, so flags after `npm run bench:feed --` override the script's own.
  const flag = (name: string, fallback: string): string => {
    const i = args.lastIndexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  const list = (name: string, fallback: string) => flag(name, fallback).split(',').filter(Boolean).map(Number);
  const members = Number(flag('members', '20000'));
  return {
    pg: flag('pg', process.env.RAPPORT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    database: flag('database', process.env.RAPPORT_BENCH_DB ?? 'rapport_bench_feed'),
    members,
    posts: Number(flag('posts', String(members * 10))),
    viewersPerGroup: Number(flag('viewers', members >= 500_000 ? '100' : '20')),
    groups: list('groups', '50,500,5000'),
    engagementDays: Number(flag('engagement-days', '14')),
    freshDays: Number(flag('fresh-days', '7')),
    samples: Number(flag('samples', members >= 500_000 ? '200' : '100')),
    nextPages: Number(flag('next-pages', '4')),
    httpSamples: Number(flag('http-samples', members >= 500_000 ? '200' : '100')),
    httpDurationS: Number(flag('http-duration', members >= 500_000 ? '10' : '5')),
    httpConnections: list('http-connections', '10'),
    port: Number(flag('port', '39270')),
    streams: Number(flag('streams', '1000')),
    messages: Number(flag('messages', '500')),
    senders: Number(flag('senders', '50')),
    messageRate: Number(flag('message-rate', '20')),
    fanoutPosts: Number(flag('fanout-posts', '200')),
    popularFollowers: Number(flag('popular-followers', String(Math.min(10_000, Math.floor(members / 2))))),
    skip: new Set(flag('skip', '').split(',').filter(Boolean)),
    dropDb: args.includes('--drop-db'),
    rebuild: args.includes('--rebuild'),
    label: flag('label', ''),
  };
}
