/**
 * People you may know on held-out real edges: precision@10 of the classic scores, the production score and the
 * learned model on the three real graphs in datasets/ (`npm run bench -- link-prediction`).
 *
 * Per graph, the same procedure (nothing is tuned to one graph):
 * - hide 10% of the (deduplicated) connections: for LDBC, whose ties carry creation dates, the most recent
 *   10% (the realistic question: who connects next?); for ego-Facebook and GitHub, which have no dates, a
 *   seeded random 10%;
 * - learn the model from the remaining graph only (server/graph/learn-links.ts: it hides that graph's own most
 *   recent, or a random, 10% and learns from the rest), so the outer hidden edges are never seen;
 * - rank for a seeded sample of the members who lost at least one connection, and count how many of each
 *   method's top 10 are hidden connections (precision@10, averaged over the sample).
 * LDBC also measures "widen my garden" (server/queries/suggestions/widen.ts) over organisations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseEdgeList, readDataset } from '../server/graph/edge-list.ts';
import { type Attributes, FeatureScratch } from '../server/graph/link-features.ts';
import { DEFAULT_MODEL, FEATURES, type LinkModel } from '../server/graph/link-model.ts';
import { dedupe, type Edges, graphOf, learnLinkModel, LPI_EPSILON, pairKey, rankByModel, sample, splitEdges } from '../server/graph/learn-links.ts';
import { TopK } from '../server/graph/csr-topk.ts';
import { suggestionScore } from '../server/graph/scoring.ts';
import { blau, widen } from '../server/queries/suggestions/widen.ts';

export const K = 10;
const HOLDOUT = 0.1;
const SEED = 20261206;
/** Members evaluated per graph (a seeded sample of those who lost a connection): a full run takes minutes. */
export const EVAL_MEMBERS = 2000;
const KATZ_BETA = 0.05;

interface Graph {
  name: string;
  edges: Edges;
  dated: boolean;
  attrs?: Attributes;
  /** Organisation of each member for the diversity measure (LDBC only). */
  org?: (string | null)[];
}

function ldbc(): Graph {
  const dir = 'ldbc-snb-sf0.1/';
  const l = parseEdgeList(readDataset(`${dir}person_knows_person_0_0.csv.gz`), '|', { dateColumn: 2 });
  const dense = new Map((l.originalIds ?? []).map((id, i) => [id, i]));
  const rows = (file: string) =>
    readDataset(dir + file)
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split('|'))
      .filter((c) => c.length >= 2 && dense.has(c[0]!));
  const orgs: number[][] = Array.from({ length: l.n }, () => []);
  const work = new Map<number, number>(), school = new Map<number, number>();
  for (const [p, o] of rows('person_workAt_organisation_0_0.csv.gz')) {
    const id = dense.get(p!)!;
    orgs[id]!.push(Number(o));
    work.set(id, Math.min(work.get(id) ?? Infinity, Number(o)));
  }
  for (const [p, o] of rows('person_studyAt_organisation_0_0.csv.gz')) {
    const id = dense.get(p!)!;
    orgs[id]!.push(Number(o));
    school.set(id, Math.min(school.get(id) ?? Infinity, Number(o)));
  }
  const place = new Int32Array(l.n).fill(-1);
  for (const [p, pl] of rows('person_isLocatedIn_place_0_0.csv.gz')) place[dense.get(p!)!] = Number(pl);
  for (const o of orgs) o.sort((a, b) => a - b);
  // Where a person works (the first employer by id), else where they studied.
  const org = Array.from({ length: l.n }, (_, i) => {
    const o = work.get(i) ?? school.get(i);
    return o === undefined ? null : String(o);
  });
  return { name: 'LDBC SNB SF0.1', edges: l, dated: true, attrs: { orgs, place }, org };
}

export function graphs(): Graph[] {
  const fb = parseEdgeList(readDataset('ego-facebook/facebook_combined.txt.gz'), ' ');
  const gh = parseEdgeList(readDataset('github-musae/musae_git_edges.csv.gz'), ',');
  return [{ name: 'ego-Facebook', edges: fb, dated: false }, { name: 'GitHub (MUSAE)', edges: gh, dated: false }, ldbc()];
}

const METHODS = ['common neighbours', 'Adamic–Adar', 'resource allocation', 'production (shaped AA)', `local path (ε=${LPI_EPSILON})`, `Katz, 3 hops (β=${KATZ_BETA})`, 'learned model'] as const;

export interface GraphResult {
  graph: string;
  members: number;
  edges: number;
  hidden: number;
  split: string;
  precision: Record<string, number>;
  learned: { positives: number; pairs: number; weights: Record<string, number>; learned: boolean; ms: number };
  widen?: { precision: number; blauNetwork: number; blauModel: number; blauWiden: number };
  msPerMember: number;
}

export function evaluate(gr: Graph, log: (line: string) => void): GraphResult {
  const e = dedupe(gr.edges);
  const split = splitEdges(e, HOLDOUT, SEED, gr.dated);
  const t0 = performance.now();
  const learned = learnLinkModel(split.train, { dated: gr.dated, ...(gr.attrs ? { attrs: gr.attrs } : {}), seed: SEED + 1 });
  const learnMs = performance.now() - t0;
  const model: LinkModel = learned.model;
  log(`${gr.name}: learned from ${learned.positives} hidden ties (${learned.pairs} pairs) in ${Math.round(learnMs)} ms`);
  const g = graphOf(split.train);
  const s = new FeatureScratch(e.n);
  const ctx = { nowDay: split.nowDay, ...(gr.attrs ? { attrs: gr.attrs } : {}) };
  const members = sample(split.lost, EVAL_MEMBERS, SEED + 2);
  const hits = new Map<string, number>(METHODS.map((m) => [m, 0]));
  const widenStats = { hits: 0, blauNetwork: 0, blauModel: 0, blauWiden: 0 };
  const isHit = (v: number, c: number) => (split.hidden.has(pairKey(e.n, v, c)) ? 1 : 0);
  const t1 = performance.now();
  for (const v of members) {
    const ranked = rankByModel(s, g, v, model, ctx);
    // The scratch now holds v's walk: the classic scores rank every candidate, not only the pool.
    const tops = METHODS.slice(0, 6).map(() => new TopK(K));
    const dv = g.degree(v);
    for (const c of s.candidates()) {
      const cn = s.cn[c]!;
      if (cn > 0) {
        tops[0]!.offer(c, cn);
        tops[1]!.offer(c, s.aa[c]!);
        tops[2]!.offer(c, s.ra[c]!);
        tops[3]!.offer(c, suggestionScore(s.aa[c]!, cn, dv, g.degree(c)));
      }
      tops[4]!.offer(c, cn + LPI_EPSILON * s.p3[c]!);
      tops[5]!.offer(c, cn + KATZ_BETA * s.p3[c]!);
    }
    tops.forEach((t, i) => hits.set(METHODS[i]!, hits.get(METHODS[i]!)! + t.ids.reduce((h, c) => h + isHit(v, c), 0)));
    const top = ranked.ids.slice(0, K);
    hits.set('learned model', hits.get('learned model')! + top.reduce((h, c) => h + isHit(v, c), 0));
    if (gr.org) {
      const org = gr.org;
      const items = ranked.ids.map((id, i) => ({ id, score: ranked.scores[i]!, category: org[id] ?? null }));
      const network = Array.from(g.neighbours(v), (x) => org[x] ?? null);
      const wide = widen(items, network, K);
      widenStats.hits += wide.reduce((h, r) => h + isHit(v, r.id), 0);
      widenStats.blauNetwork += blau(network);
      widenStats.blauModel += blau(top.map((c) => org[c] ?? null));
      widenStats.blauWiden += blau(wide.map((r) => r.category));
    }
  }
  const ms = performance.now() - t1;
  const denom = members.length * K;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const result: GraphResult = {
    graph: gr.name,
    members: members.length,
    edges: e.src.length,
    hidden: split.hidden.size,
    split: gr.dated ? 'the most recent 10% by creation date' : 'a seeded random 10%',
    precision: Object.fromEntries(METHODS.map((m) => [m, round(hits.get(m)! / denom)])),
    learned: {
      positives: learned.positives,
      pairs: learned.pairs,
      learned: model.learned,
      weights: Object.fromEntries(FEATURES.map((f, i) => [f, round(model.weights[i] ?? DEFAULT_MODEL.weights[i]!)])),
      ms: Math.round(learnMs),
    },
    msPerMember: round(ms / members.length),
  };
  if (gr.org) {
    const m = members.length;
    result.widen = {
      precision: round(widenStats.hits / denom),
      blauNetwork: round(widenStats.blauNetwork / m),
      blauModel: round(widenStats.blauModel / m),
      blauWiden: round(widenStats.blauWiden / m),
    };
  }
  return result;
}

export function markdown(results: GraphResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const aa = r.precision['Adamic–Adar']!;
    out.push(
      `### ${r.graph}: ${r.edges.toLocaleString('en')} connections, ${r.hidden.toLocaleString('en')} hidden (${r.split}), ${r.members} members sampled`,
      '',
      '| method | precision@10 | × Adamic–Adar |',
      '|---|---:|---:|',
      ...Object.entries(r.precision).map(([m, p]) => `| ${m} | ${p.toFixed(4)} | ${aa > 0 ? (p / aa).toFixed(3) : '–'} |`),
    );
    if (r.widen) {
      const w = r.widen;
      out.push(
        `| widen my garden (organisations) | ${w.precision.toFixed(4)} | ${aa > 0 ? (w.precision / aa).toFixed(3) : '–'} |`,
        '',
        `Blau diversity by organisation (1 − Σp², mean per member): own network ${w.blauNetwork.toFixed(3)}, learned model's top 10 ${w.blauModel.toFixed(3)}, widen ${w.blauWiden.toFixed(3)}; widen keeps ${(w.precision / (r.precision['learned model'] || 1)).toFixed(3)}× the learned model's precision.`,
      );
    }
    const weights = Object.entries(r.learned.weights).filter(([, w]) => w !== 0).map(([f, w]) => `${f} ${w}`).join(', ');
    out.push(
      '',
      `Learned from ${r.learned.positives} hidden ties of the training graph (${r.learned.pairs} pairs, ${r.learned.ms} ms)${r.learned.learned ? '' : ' — too few, defaults used'}; weights: ${weights}. Ranking: ${r.msPerMember} ms per member (walk, pool, features, all methods).`,
      '',
    );
  }
  return out.join('\n');
}

const SECTION = '## People you may know: precision@10';

/** Replaces (or appends) the section in docs/performance.md, keeping its hand-written preamble up to the first `###`. */
export function writeSection(tables: string): void {
  const path = new URL('../docs/performance.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf(SECTION);
  const generated = `<!-- generated by npm run bench -- link-prediction -->\n\n${tables}`;
  if (start < 0) {
    writeFileSync(path, `${doc.trimEnd()}\n\n${SECTION}\n\n${generated}`);
    return;
  }
  const next = doc.indexOf('\n## ', start + SECTION.length);
  const end = next < 0 ? doc.length : next + 1;
  const body = doc.slice(start, end);
  const marker = body.indexOf('<!-- generated by');
  const preamble = marker < 0 ? `${SECTION}\n\n` : body.slice(0, marker);
  writeFileSync(path, doc.slice(0, start) + preamble + generated + (next < 0 ? '' : '\n') + doc.slice(end));
}
