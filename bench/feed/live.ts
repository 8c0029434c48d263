/**
 * Live delivery and posting cost, on real servers with streams open.
 *
 * - **Messages**: members send to stream holders, at a steady rate (open loop), each recipient with at most
 *   one message in flight; the time is from the start of the send request to the `message` event arriving
 *   on the recipient's stream. The first half start conversations (`POST /conversations`), the second half
 *   answer in them (`POST /conversations/:id/messages`). Sent to one process, streams on the same one or on
 *   another process on the same database (LISTEN/NOTIFY).
 * - **Fan-out**: a member with many followers and one with 10 post in alternating blocks (`POST /posts`);
 *   the time of each request and the server's CPU per post (from /metrics, so work after the answer, such as
 *   routing the event to open streams, is counted), with the popular author's followers holding streams.
 */
import http from 'node:http';
import pg from 'pg';
import { stats, type Stats } from '../lib.ts';
import { makeRandom } from '../graph/generate.ts';
import type { FeedBenchOptions } from './options.ts';
import { backendCpu, cpuSpent } from './cpu.ts';
import { serverCpuSeconds } from '../http-server.ts';
import { request } from './server.ts';
import type { OpenStreams, StreamEvent } from './streams.ts';

const VOCABULARY = `alpha bridge copper delta ember fjord garnet harbour iris juniper kestrel lantern meadow nectar orchid pepper
quartz river saffron timber umber velvet willow xenon yarrow zephyr acorn basalt cedar dune estuary fern glacier heath
islet jasper kelp lagoon marsh nutmeg oak prairie quill reef sorrel tundra upland vale wren yew zinc amber birch clover
dahlia elm flint gorse hazel indigo jade kale larch maple nettle olive poplar quince rowan sage thistle ulex violet
wheat yucca zest anchor beacon compass drift ensign falcon galley helm inlet jetty keel lighthouse mast north outpost
pier quay rudder sail tide umbra voyage wake yacht zenith`.split(/\s+/);

/** A message no other in the run resembles (so near-duplicate detection sees no campaign). */
function text(rand: () => number, i: number): string {
  const words = Array.from({ length: 14 }, () => VOCABULARY[Math.floor(rand() * VOCABULARY.length)]!);
  return `Hello, ${words.join(' ')} (${i})`;
}

export interface MessageRun {
  sent: number;
  delivered: number;
  missing: number;
  sendRateTarget: number;
  deliveryMs: Stats;
  deliveryStartMs: Stats;
  deliveryReplyMs: Stats;
  requestMs: Stats;
  non2xx: number;
  streamsOpen: number;
  /** Every send: [ms since the phase began, request ms, delivery ms or null], to see when it was slow. */
  timeline: [number, number, number | null][];
  /** CPU the sending and the streaming processes used during the phase, as a share of one core. */
  serverCoreShare: { sending: number; streaming: number };
}

export async function benchMessages(
  sendPort: number,
  streamPort: number,
  streams: OpenStreams,
  recipients: number[],
  senders: number[],
  tokens: Map<number, string>,
  o: FeedBenchOptions,
  log: (line: string) => void,
): Promise<MessageRun> {
  const rand = makeRandom(sendPort + recipients[0]!);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const waiting = new Map<number, { start: number; kind: 'start' | 'reply'; resolve: (at: number) => void }>();
  streams.onEvent = (e: StreamEvent) => {
    if (e.type !== 'message') return;
    const w = waiting.get(e.memberId);
    if (w) {
      waiting.delete(e.memberId);
      w.resolve(e.at);
    }
  };
  const half = Math.min(Math.floor(o.messages / 2), recipients.length);
  const conversations: { sender: number; recipient: number; id: number }[] = [];
  const delivery: Record<'start' | 'reply', number[]> = { start: [], reply: [] };
  const requestMs: number[] = [];
  let non2xx = 0, missing = 0;
  const rateMs = 1000 / o.messageRate;
  const timeline: [number, number, number | null][] = [];
  const metrics = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const phaseStart = performance.now();
  const cpuAt = async () => [await serverCpuSeconds(sendPort, metrics), await serverCpuSeconds(streamPort, metrics)] as const;
  const cpuBefore = await cpuAt();

  const send = async (i: number, kind: 'start' | 'reply'): Promise<void> => {
    const recipient = kind === 'start' ? recipients[i]! : conversations[i]!.recipient;
    const sender = kind === 'start' ? senders[i % senders.length]! : conversations[i]!.sender;
    const start = performance.now();
    const arrived = new Promise<number | null>((resolve) => {
      waiting.set(recipient, { start, kind, resolve });
      setTimeout(() => resolve(null), 10_000);
    });
    const r =
      kind === 'start'
        ? await request(sendPort, 'POST', '/api/v1/conversations', tokens.get(sender)!, agent, { to: [`m${recipient}`], text: text(rand, i) })
        : await request(sendPort, 'POST', `/api/v1/conversations/${conversations[i]!.id}/messages`, tokens.get(sender)!, agent, { text: text(rand, i + half) });
    requestMs.push(r.ms);
    if (r.status !== 201) {
      non2xx++;
      waiting.delete(recipient);
      if (non2xx <= 3) log(`  send ${kind} → ${r.status}: ${r.body.slice(0, 200)}`);
      return;
    }
    if (kind === 'start') conversations[i] = { sender, recipient, id: (JSON.parse(r.body) as { id: number }).id };
    const at = await arrived;
    timeline.push([Math.round(start - phaseStart), Math.round(r.ms * 10) / 10, at === null ? null : Math.round((at - start) * 10) / 10]);
    if (at === null) {
      missing++;
      waiting.delete(recipient);
    } else delivery[kind].push(at - start);
  };

  for (const kind of ['start', 'reply'] as const) {
    const inflight: Promise<void>[] = [];
    const t0 = performance.now();
    for (let i = 0; i < half; i++) {
      if (kind === 'reply' && !conversations[i]) continue;
      const due = t0 + i * rateMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(send(i, kind));
    }
    await Promise.all(inflight);
  }
  streams.onEvent = null;
  agent.destroy();
  const cpuAfter = await cpuAt();
  const seconds = (performance.now() - phaseStart) / 1000;
  metrics.destroy();
  const all = [...delivery.start, ...delivery.reply];
  const run: MessageRun = {
    sent: requestMs.length,
    delivered: all.length,
    missing,
    sendRateTarget: o.messageRate,
    deliveryMs: stats(all),
    deliveryStartMs: stats(delivery.start),
    deliveryReplyMs: stats(delivery.reply),
    requestMs: stats(requestMs),
    non2xx,
    streamsOpen: streams.count,
    timeline: timeline.sort((x, y) => x[0] - y[0]),
    serverCoreShare: {
      sending: Math.round(((cpuAfter[0] - cpuBefore[0]) / seconds) * 1000) / 1000,
      streaming: Math.round(((cpuAfter[1] - cpuBefore[1]) / seconds) * 1000) / 1000,
    },
  };
  log(`  messages: ${run.delivered}/${run.sent} delivered, p50 ${run.deliveryMs.p50} ms, p99 ${run.deliveryMs.p99} ms (request p50 ${run.requestMs.p50} / p99 ${run.requestMs.p99}), missing ${missing}, non2xx ${non2xx}`);
  return run;
}

export interface FanoutRun {
  followers: Record<string, number>;
  requestMs: Record<string, Stats>;
  cpuMsPerPost: Record<string, number>;
  /** PostgreSQL's backends (all of them on this database: the server's pool), per post. */
  postgresCpuMsPerPost: Record<string, number>;
  liveEventsPerPost: Record<string, Record<string, number>>;
  firstLiveEventMs: Record<string, Stats>;
  streamsOpen: number;
}

export async function benchFanout(
  port: number,
  streams: OpenStreams,
  authors: { popular: number; quiet: number; popularFollowers: number },
  tokens: Map<number, string>,
  o: FeedBenchOptions,
  log: (line: string) => void,
  databaseUrl: string,
): Promise<FanoutRun> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const database = new URL(databaseUrl).pathname.slice(1);
  const pgCpu: Record<string, number> = { popular: 0, quiet: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const metricsAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const names = { popular: authors.popular, quiet: authors.quiet } as const;
  const requestMs: Record<string, number[]> = { popular: [], quiet: [] };
  const cpu: Record<string, number> = { popular: 0, quiet: 0 };
  const live: Record<string, Record<string, number>> = { popular: {}, quiet: {} };
  const firstLive: Record<string, number[]> = { popular: [], quiet: [] };
  let current: { who: string; start: number; seen: boolean } | null = null;
  streams.onEvent = (e) => {
    if (!current) return;
    live[current.who]![e.type] = (live[current.who]![e.type] ?? 0) + 1;
    if (!current.seen) {
      current.seen = true;
      firstLive[current.who]!.push(e.at - current.start);
    }
  };
  const BLOCK = 10;
  const blocks = Math.max(2, Math.round(o.fanoutPosts / BLOCK));
  for (let b = 0; b < blocks; b++) {
    const who = b % 2 === 0 ? 'popular' : 'quiet';
    const id = names[who];
    const before = await serverCpuSeconds(port, metricsAgent);
    const pgBefore = await backendCpu(client, database);
    for (let i = 0; i < BLOCK; i++) {
      current = { who, start: performance.now(), seen: false };
      const r = await request(port, 'POST', '/api/v1/posts', tokens.get(id)!, agent, { text: `Fan-out check ${b}.${i}: ${VOCABULARY[(b * BLOCK + i) % VOCABULARY.length]}`, visibility: 'members' });
      if (r.status !== 201) throw new Error(`POST /posts → ${r.status}: ${r.body.slice(0, 300)}`);
      requestMs[who]!.push(r.ms);
      // Let work after the answer (event processors, live routing) run before the next post.
      await new Promise((res) => setTimeout(res, 20));
    }
    await new Promise((res) => setTimeout(res, 200));
    cpu[who]! += (await serverCpuSeconds(port, metricsAgent)) - before;
    pgCpu[who]! += cpuSpent(pgBefore, await backendCpu(client, database));
  }
  await client.end();
  current = null;
  streams.onEvent = null;
  agent.destroy();
  metricsAgent.destroy();
  const perAuthor = blocks / 2 * BLOCK;
  const run: FanoutRun = {
    followers: { popular: authors.popularFollowers, quiet: 10 },
    requestMs: { popular: stats(requestMs.popular!), quiet: stats(requestMs.quiet!) },
    cpuMsPerPost: { popular: Math.round((cpu.popular! / perAuthor) * 1e5) / 100, quiet: Math.round((cpu.quiet! / perAuthor) * 1e5) / 100 },
    postgresCpuMsPerPost: { popular: Math.round((pgCpu.popular! / perAuthor) * 100) / 100, quiet: Math.round((pgCpu.quiet! / perAuthor) * 100) / 100 },
    liveEventsPerPost: Object.fromEntries(Object.entries(live).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([t, c]) => [t, c / perAuthor]))])),
    firstLiveEventMs: { popular: stats(firstLive.popular!), quiet: stats(firstLive.quiet!) },
    streamsOpen: streams.count,
  };
  log(`  fan-out: POST /posts p50/p99 popular (${authors.popularFollowers} followers) ${run.requestMs.popular!.p50}/${run.requestMs.popular!.p99} ms, quiet (10) ${run.requestMs.quiet!.p50}/${run.requestMs.quiet!.p99} ms; server CPU per post ${run.cpuMsPerPost.popular} vs ${run.cpuMsPerPost.quiet} ms, PostgreSQL ${run.postgresCpuMsPerPost.popular} vs ${run.postgresCpuMsPerPost.quiet} ms; live events per post ${JSON.stringify(run.liveEventsPerPost)}`);
  return run;
}
