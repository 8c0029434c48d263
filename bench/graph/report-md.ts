/**
 * `npx tsx bench/graph/report-md.ts [file]`: the tables of docs/performance.md's graph section, printed as
 * Markdown from a run-all.ts result (default bench/results/latest-graph.json).
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Summary } from './measure.ts';
import { markdownTable, targetRows } from './summary.ts';

type Obj = Record<string, unknown>;
const file = process.argv[2] ?? fileURLToPath(new URL('../results/latest-graph.json', import.meta.url));
const r = JSON.parse(readFileSync(file, 'utf8')) as Obj;
const graphs = r.graphs as Record<string, Obj>;
const f = (us: number | undefined): string => (us === undefined ? '–' : us >= 1000 ? `${(us / 1000).toFixed(us >= 100_000 ? 0 : 1)} ms` : `${us.toFixed(us < 10 ? 1 : 0)} µs`);
const QUERIES = ['secondDegree', 'badges50Cold', 'paths3', 'mutuals', 'pymk20', 'hubSecondDegree', 'hubBadges50Cold', 'hubPaths3', 'hubMutuals', 'hubPymk20'];

const out: string[] = [];
out.push(`Run of ${r.startedAt as string}, ${r.durationS as number} s; load average at start ${JSON.stringify(r.loadAverageStart)}, at end ${JSON.stringify(r.loadAverageNow)}.`, '');
const mainGraph = Object.values(graphs).find((g) => g.queriesMicroseconds && Object.keys(g.queriesMicroseconds as Obj).length > 0 && (g.members as number) >= 100_000);
const pgGraphEntry = Object.values(graphs).find((g) => g.buildFromPostgres);
// Recomputed from the measurements, so a fix to summary.ts applies to older result files too.
out.push('### Targets', '', markdownTable(targetRows(mainGraph, pgGraphEntry?.buildFromPostgres as Obj | undefined, pgGraphEntry?.edges as number | undefined, r.http as Obj | undefined)), '');

const names = Object.keys(graphs).filter((k) => graphs[k]?.queriesMicroseconds);
out.push('### CSR queries, p50 / p99', '', `| query | ${names.join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`);
for (const q of QUERIES) {
  out.push(`| ${q} | ${names.map((n) => { const s = (graphs[n]!.queriesMicroseconds as Record<string, Summary>)[q]; return s ? `${f(s.p50)} / ${f(s.p99)}` : '–'; }).join(' | ')} |`);
}
out.push(`| members / connections | ${names.map((n) => `${graphs[n]!.members as number} / ${graphs[n]!.edges as number}`).join(' | ')} |`);
out.push(`| hub viewers (distinct, min degree) | ${names.map((n) => { const h = graphs[n]!.hubViewers as Obj; return `${h.distinct as number}, ≥ ${h.minDegree as number}${h.reachesFiveThousand ? '' : ' (top 20)'}`; }).join(' | ')} |`);
out.push(`| build from edges / snapshot load | ${names.map((n) => `${graphs[n]!.buildFromEdgesMs as number} ms / ${graphs[n]!.snapshotLoadMs as number} ms`).join(' | ')} |`);
out.push(`| bytes per directed edge | ${names.map((n) => String(graphs[n]!.bytesPerDirectedEdge)).join(' | ')} |`, '');

const cmp = (title: string, other: Obj | undefined, otherKey: string, baseKey: string): void => {
  if (!other) return;
  const o = other[otherKey] as Record<string, Summary>, b = other[baseKey] as Record<string, Summary>;
  out.push(`### ${title}`, '', '| query | CSR p50 / p99 | other p50 / p99 | slower than CSR at p50 / p99 |', '|---|---:|---:|---:|');
  for (const q of QUERIES) {
    const x = o[q], y = b[q];
    if (!x || !y) continue;
    const t = x.timeouts ? ` (${x.timeouts} of ${x.n} hit the timeout)` : '';
    out.push(`| ${q} | ${f(y.p50)} / ${f(y.p99)} | ${f(x.p50)} / ${f(x.p99)}${t} | ${(x.p50 / y.p50).toFixed(0)}× / ${(x.p99 / y.p99).toFixed(0)}× |`);
  }
  out.push('');
};
const sql = r.sql as Obj | undefined;
cmp(`SQL reference on PostgreSQL 15 (${sql?.members as number} members, ${sql?.viewers as number} viewers, ${sql?.hubViewers as number} hub samples, n per row may be lower: budget)`, sql, 'sqlMicroseconds', 'csrSameViewersMicroseconds');
const gl = r.graphology as Obj | undefined;
cmp(`graphology (${gl?.members as number} members, ${gl?.viewers as number} viewers; built in ${gl?.buildMs as number} ms, ~${gl?.heapMiB as number} MiB of heap)`, gl, 'graphologyMicroseconds', 'csrMicroseconds');

const pgGraph = Object.values(graphs).find((g) => g.buildFromPostgres)?.buildFromPostgres as Obj | undefined;
if (pgGraph) {
  out.push('### Rebuild from PostgreSQL', '', '| reader | connections | total |', '|---|---:|---:|');
  const l = pgGraph.loadTs as Obj | undefined;
  if (l) out.push(`| server/graph/load.ts (${l.via as string}) | ${l.edges as number} | ${l.totalMs as number} ms |`);
  out.push('');
}
const http = r.http as Obj | undefined;
if (http) {
  out.push(`### HTTP (server ready in ${http.serverReadyMs as number} ms)`, '', '| route | connections | req/s | p50 / p99 (ms) | non-2xx | event-loop lag p99 / max (ms) | probe p50 / p99 |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const x of (http.runs ?? []) as Obj[]) {
    const l = x.latencyMs as Obj, lag = x.eventLoopLagMs as Obj, p = x.probeLatencyUs as Summary;
    out.push(`| ${x.route as string} | ${x.connections as number} | ${x.requestsPerSecond as number} | ${l.p50 as number} / ${l.p99 as number} | ${x.non2xx as number} | ${lag.p99Ms as number} / ${lag.maxMs as number} | ${f(p.p50)} / ${f(p.p99)} |`);
  }
  out.push('');
}
if (Object.keys((r.errors ?? {}) as Obj).length) out.push(`Errors: ${Object.keys(r.errors as Obj).join(', ')}`);
console.log(out.join('\n'));
