/**
 * `npx tsx bench/feed/report-md.ts [bench/results/feed-….json …]`: the tables of docs/performance.md
 * ("Feed, fan-out and live delivery") from one or more feed results (default: latest-feed.json).
 */
import { readFileSync } from 'node:fs';

type Stats = { p50: number; p99: number; n: number };
type Layered = Record<string, Record<string, { first: Stats; next: Stats; itemsPerPage: number }>>;
interface Result {
  startedAt: string;
  durationS: number;
  machine: { cpuModel: string; cpuCount: number; memoryGiB: number; node: string; loadAverage: number[] };
  result: {
    command: string;
    loadAverageStart: number[];
    loadAverageEnd?: number[];
    data: { members: number; posts?: Record<string, number>; viewersPerGroup: Record<string, number>; followeesConnectedShare: Record<string, number>; newestPostAgeHours?: number };
    phases: Record<string, { loadAverageBefore: number[]; loadAverageAfter: number[]; ms: number }>;
    direct?: { graphLoadMs: number; groups: Layered };
    http?: Layered;
    load?: { runs: { route: string; connections: number; requestsPerSecond: number; latencyMs: { p50: number; p99: number }; non2xx: number; loadAverage: number[] }[]; feedShareOfBare: Record<string, number> };
    fanout?: { followers: Record<string, number>; requestMs: Record<string, Stats>; cpuMsPerPost: Record<string, number>; liveEventsPerPost: Record<string, Record<string, number>>; streamsOpen: number };
    messagesOneProcess?: MessageRun;
    messagesTwoProcesses?: MessageRun;
    serverReadyMs?: number;
  };
}
interface MessageRun {
  sent: number;
  delivered: number;
  missing: number;
  sendRateTarget: number;
  deliveryMs: Stats;
  requestMs: Stats;
  streamsOpen: number;
  non2xx: number;
}

const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? Math.round(x).toLocaleString('en') : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pp = (s: Stats | undefined) => (s ? `${f(s.p50)} / ${f(s.p99)}` : '–');
const load = (xs: number[] | undefined) => (xs ? xs.map((x) => x.toFixed(1)).join(', ') : '–');

export function report(r: Result): string {
  const x = r.result;
  const out: string[] = [];
  const posts = x.data.posts;
  out.push(
    `Run of ${r.startedAt} (${Math.round(r.durationS / 60)} min): \`${x.command}\`; ${r.machine.cpuCount}× ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}. ` +
      `Data: ${x.data.members.toLocaleString('en')} members, ${posts ? `${posts.posts!.toLocaleString('en')} posts by ${posts.authors!.toLocaleString('en')} authors, ${posts.reactions!.toLocaleString('en')} reactions, ${posts.comments!.toLocaleString('en')} comments` : '?'}; ` +
      `viewers per group ${JSON.stringify(x.data.viewersPerGroup)}, share of followees who are connections ${JSON.stringify(x.data.followeesConnectedShare)}. ` +
      `Load average at start ${load(x.loadAverageStart)}, at end ${load(x.loadAverageEnd)}.`,
    '',
  );
  if (x.direct) {
    out.push(`**As functions** (graph index loaded in ${f(x.direct.graphLoadMs / 1000)} s; load ${load(x.phases.direct?.loadAverageBefore)} → ${load(x.phases.direct?.loadAverageAfter)}), ms, first page p50 / p99, next pages p50 / p99:`, '');
    out.push('| followed | SQL statement | + followees (homeFeed) | + hydration (the route\'s answer), recent | top |', '|---:|---:|---:|---:|---:|');
    for (const [k, g] of Object.entries(x.direct.groups)) {
      out.push(`| ${Number(k).toLocaleString('en')} | ${pp(g.sql?.first)}; ${pp(g.sql?.next)} | ${pp(g.skeleton?.first)}; ${pp(g.skeleton?.next)} | ${pp(g.page?.first)}; ${pp(g.page?.next)} | ${pp(g.top?.first)}; ${pp(g.top?.next)} |`);
    }
    out.push('');
  }
  if (x.http) {
    out.push(`**Over HTTP**, one request at a time (server ready in ${f((x.serverReadyMs ?? 0) / 1000)} s; load ${load(x.phases.http?.loadAverageBefore)} → ${load(x.phases.http?.loadAverageAfter)}), ms:`, '');
    out.push('| followed | recent: first p50 / p99 | recent: next p50 / p99 | top: first | top: next |', '|---:|---:|---:|---:|---:|');
    for (const [k, g] of Object.entries(x.http)) out.push(`| ${Number(k).toLocaleString('en')} | ${pp(g.recent?.first)} | ${pp(g.recent?.next)} | ${pp(g.top?.first)} | ${pp(g.top?.next)} |`);
    out.push('');
  }
  if (x.load) {
    out.push('**Under load** (autocannon, route after route in one run):', '');
    out.push('| route | connections | req/s | share of the bare route | p50 / p99 (ms) | non-2xx | load average |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const row of x.load.runs) {
      const share = x.load.feedShareOfBare[`${row.route}@${row.connections}`];
      out.push(`| ${row.route} | ${row.connections} | ${row.requestsPerSecond.toLocaleString('en')} | ${share === undefined ? '—' : `${share} %`} | ${row.latencyMs.p50} / ${row.latencyMs.p99} | ${row.non2xx} | ${load(row.loadAverage)} |`);
    }
    out.push('');
  }
  if (x.fanout) {
    const fo = x.fanout;
    out.push(`**Fan-out** (${fo.streamsOpen} of the popular author's followers holding streams):`, '');
    out.push('| author | followers | POST /posts p50 / p99 (ms) | server CPU per post (ms) | live events per post |', '|---|---:|---:|---:|---|');
    for (const who of ['popular', 'quiet']) out.push(`| ${who} | ${fo.followers[who]?.toLocaleString('en')} | ${pp(fo.requestMs[who])} | ${f(fo.cpuMsPerPost[who])} | ${JSON.stringify(fo.liveEventsPerPost[who] ?? {})} |`);
    out.push('');
  }
  const m1 = x.messagesOneProcess, m2 = x.messagesTwoProcesses;
  if (m1 || m2) {
    out.push('**Messages to open streams** (send request start → `message` event on the recipient\'s stream):', '');
    out.push('| set-up | streams | sent (rate/s) | delivered | delivery p50 / p99 (ms) | send request p50 / p99 (ms) | load average |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const [name, m, ph] of [['one process', m1, 'sse'], ['sent to process 1, streams on process 2', m2, 'sse2']] as const) {
      if (m) out.push(`| ${name} | ${m.streamsOpen} | ${m.sent} (${m.sendRateTarget}) | ${m.delivered}${m.missing ? ` (${m.missing} missing)` : ''} | ${pp(m.deliveryMs)} | ${pp(m.requestMs)} | ${load(x.phases[ph]?.loadAverageBefore)} → ${load(x.phases[ph]?.loadAverageAfter)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

const files = process.argv.slice(2);
for (const file of files.length ? files : ['bench/results/latest-feed.json']) {
  console.log(`### ${file}\n\n${report(JSON.parse(readFileSync(file, 'utf8')) as Result)}`);
}
