import type { InvitationContext } from '../../server/db/schema.ts';
import { type DemoCommunity, type DemoPerson, Random, REFERENCE_YEAR } from './generate.ts';

/**
 * A deterministic connection graph over a demo community, shaped like real professional networks:
 * - heavy-tailed degrees (a Pareto degree sequence, Chung–Lu style: partners drawn in proportion to their
 *   target degree), plus a few open networkers who know a tenth to a third of the community;
 * - homophily: most partners come from the same organisation (past or present), city, industry or school;
 * - connection dates after both members joined, with a burst soon after joining;
 * - some pending invitations (with notes) both ways, and a few follows without a connection.
 * People are array indexes into community.people; load-graph.ts maps them to member ids.
 */

export interface DemoConnection {
  a: number;
  b: number;
  atMs: number;
  context: InvitationContext;
  note?: string;
}

export interface DemoInvitation {
  from: number;
  to: number;
  note: string;
  context: InvitationContext;
  /** Relative to the load, so the invitations are still open whenever the demo is loaded. */
  daysAgo: number;
}

export interface DemoFollow {
  from: number;
  to: number;
  atMs: number;
}

export interface DemoGraph {
  connections: DemoConnection[];
  invitations: DemoInvitation[];
  follows: DemoFollow[];
  openNetworkers: number[];
}

const DAY = 86_400_000;
/** Member sign-up dates (generate.ts) count back from here; connections are made up to it. */
const REFERENCE_MS = Date.UTC(REFERENCE_YEAR, 0, 1);
/** Pareto tail index of the degree sequence: mean ≈ MIN_DEGREE · α / (α − 1) ≈ 13. */
const ALPHA = 1.3;
const MIN_DEGREE = 3;
/** Ordinary members stay below the open networkers. */
const MAX_ORDINARY_SHARE = 0.06;
/** The people a demo prints as examples to sign in as: give them a network worth looking at. */
const EXAMPLE_PEOPLE = 3;

const STAGE_FACTOR = { student: 0.6, early: 0.8, mid: 1, senior: 1.3, executive: 1.6, retired: 0.9 } as const;
const OUTGOING_FUNCTIONS = new Set(['Sales', 'Business Development', 'Entrepreneurship', 'Marketing', 'Consulting']);

/** Where an ordinary member's next partner comes from: mostly people they share something with. */
const POOLS = [
  ['org', 0.4],
  ['city', 0.25],
  ['industry', 0.15],
  ['school', 0.07],
  ['global', 0.13],
] as const;
type Pool = (typeof POOLS)[number][0];

/**
 * How the generated connections began: only origins a real feature records (docs/api.md). Introductions
 * and comments do not exist yet, so none is invented; the share they had went to search, which draws the
 * same random numbers, so a seed still gives the same graph.
 */
const CONTEXTS: [InvitationContext, number][] = [
  ['profile', 35], ['suggestion', 30], ['search', 30], ['import', 5],
];

/** A weighted sampler over a fixed set of people (cumulative weights, binary search). */
class Sampler {
  private readonly cumulative: Float64Array;
  constructor(
    readonly members: number[],
    weight: (i: number) => number,
  ) {
    this.cumulative = new Float64Array(members.length);
    let total = 0;
    for (let k = 0; k < members.length; k++) this.cumulative[k] = total += weight(members[k]!);
  }
  draw(rng: Random): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.members[lo]!;
  }
}

function groupBy(people: DemoPerson[], keys: (p: DemoPerson) => (string | number)[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const p of people) {
    for (const k of new Set(keys(p).map(String))) {
      const list = groups.get(k);
      if (list) list.push(p.index);
      else groups.set(k, [p.index]);
    }
  }
  return groups;
}

/** Target degrees: a Pareto sequence scaled by career stage and profile effort, then the open networkers. */
function targetDegrees(rng: Random, people: DemoPerson[]): { degree: number[]; hubs: number[] } {
  const n = people.length;
  const cap = Math.max(MIN_DEGREE, Math.floor(n * MAX_ORDINARY_SHARE));
  const degree = people.map((p) => {
    const pareto = MIN_DEGREE * (1 - rng.next()) ** (-1 / ALPHA);
    const effort = p.completeness === 'sparse' ? 0.6 : p.completeness === 'complete' ? 1.2 : 1;
    return Math.max(1, Math.min(cap, Math.round(pareto * STAGE_FACTOR[p.careerStage] * effort)));
  });
  for (let i = 0; i < Math.min(EXAMPLE_PEOPLE, n); i++) degree[i] = Math.max(degree[i]!, Math.min(cap, 25));
  // Open networkers: senior people in outward-facing jobs with complete profiles, most likely.
  const hubCount = n < 50 ? 1 : Math.min(12, Math.max(3, Math.round(Math.sqrt(n) / 10)));
  const candidates = people.slice(EXAMPLE_PEOPLE);
  const hubs: number[] = [];
  for (let r = 1; hubs.length < hubCount && candidates.length; r++) {
    const pick = rng.weighted(candidates, (p) => (hubs.includes(p.index) ? 0 : 1) * (OUTGOING_FUNCTIONS.has(p.function) ? 3 : 1) *
      (p.careerStage === 'senior' || p.careerStage === 'executive' ? 3 : 1) * (p.completeness === 'complete' ? 2 : 0.5));
    if (hubs.includes(pick.index)) break;
    hubs.push(pick.index);
    // A tenth to a third of the community, falling off with rank.
    const share = Math.max(0.1, Math.min(0.3, 0.3 / Math.sqrt(r) + (rng.next() - 0.5) * 0.03));
    degree[pick.index] = Math.round(share * (n - 1));
  }
  return { degree, hubs };
}

/** A date after both joined: many connections come soon after joining, the rest spread over the years since. */
function connectionDate(rng: Random, a: DemoPerson, b: DemoPerson): number {
  const from = Math.max(a.createdAt.getTime(), b.createdAt.getTime());
  const span = Math.max(0, REFERENCE_MS - from);
  const offset = rng.chance(0.4) ? Math.min(span, rng.next() * 60 * DAY) : rng.next() * span;
  return Math.round(from + offset);
}

/** What two people have in common, for notes: an organisation, a city, an industry or a school. */
function common(community: DemoCommunity, a: DemoPerson, b: DemoPerson): string | null {
  const org = a.organisations.find((o) => b.organisations.includes(o));
  if (org !== undefined) return `our time at ${community.organisations[org]!.name}`;
  if (a.city === b.city) return `being in ${a.city}`;
  if (a.school === b.school) return `${a.school}`;
  if (a.industry === b.industry) return `working in ${a.industry.toLowerCase()}`;
  return null;
}

const NOTE_TEMPLATES = [
  (first: string, c: string) => `Hi ${first}, great to connect given ${c}. Would love to stay in touch.`,
  (first: string, c: string) => `Hello ${first}! I think we crossed paths through ${c}. Let's connect.`,
  (first: string, c: string) => `${first}, it was good talking earlier. Connecting here because of ${c}.`,
  (_first: string, c: string) => `We have ${c} in common, so I thought it would be good to connect.`,
];
const TEMPLATE_NOTE = "I'd like to add you to my professional network.";

function noteFor(rng: Random, community: DemoCommunity, from: DemoPerson, to: DemoPerson): string {
  const c = common(community, from, to);
  if (!c) return rng.chance(0.5) ? TEMPLATE_NOTE : `Hi ${to.name.split(' ')[0]}, I enjoyed your posts and would like to connect.`;
  return rng.pick(NOTE_TEMPLATES)(to.name.split(' ')[0]!, c);
}

const pairKey = (a: number, b: number) => (a < b ? a * 4294967296 + b : b * 4294967296 + a);

/** Generates the demo graph for a community; the same community and seed always give the same graph. */
export function generateGraph(community: DemoCommunity, seed = community.seed): DemoGraph {
  const rng = new Random(seed * 7919 + 17);
  const people = community.people;
  const n = people.length;
  const { degree, hubs } = targetDegrees(rng, people);
  const weightOf = (i: number) => degree[i]!;
  const pools: Record<Exclude<Pool, 'global'>, Map<string, Sampler>> = {
    org: new Map(), city: new Map(), industry: new Map(), school: new Map(),
  };
  const keyOf: Record<Exclude<Pool, 'global'>, (p: DemoPerson) => (string | number)[]> = {
    org: (p) => p.organisations, city: (p) => [p.city], industry: (p) => [p.industry], school: (p) => [p.school],
  };
  for (const pool of Object.keys(pools) as Exclude<Pool, 'global'>[]) {
    for (const [key, members] of groupBy(people, keyOf[pool])) pools[pool].set(key, new Sampler(members, weightOf));
  }
  const everyone = new Sampler(people.map((p) => p.index), weightOf);
  const anyone = new Sampler(people.map((p) => p.index), () => 1);

  const edges = new Set<number>();
  const actual = new Array<number>(n).fill(0);
  const connections: DemoConnection[] = [];
  const connect = (i: number, j: number): boolean => {
    if (i === j || edges.has(pairKey(i, j))) return false;
    edges.add(pairKey(i, j));
    actual[i]!++;
    actual[j]!++;
    const a = people[i]!;
    const b = people[j]!;
    const context = rng.weighted(CONTEXTS, ([, w]) => w)[0];
    const noted = context !== 'suggestion' && context !== 'import' && rng.chance(0.25);
    connections.push({ a: i, b: j, atMs: connectionDate(rng, a, b), context, ...(noted ? { note: noteFor(rng, community, a, b) } : {}) });
    return true;
  };
  const drawFrom = (pool: Pool, p: DemoPerson): number => {
    if (pool === 'global') return everyone.draw(rng);
    const keys = keyOf[pool](p);
    // The current employer counts double among a member's organisations.
    const key = pool === 'org' ? (rng.chance(0.5) ? keys[0] : rng.pick(keys)) : keys[0];
    return key === undefined ? everyone.draw(rng) : pools[pool].get(String(key))!.draw(rng);
  };

  // Each ordinary member starts about half their connections; the other half come from others' draws.
  const hubSet = new Set(hubs);
  for (const p of people) {
    if (hubSet.has(p.index)) continue;
    const half = degree[p.index]! / 2;
    const draws = Math.floor(half) + (rng.chance(half % 1) ? 1 : 0);
    for (let d = 0; d < draws; d++) {
      const pool = rng.weighted(POOLS, ([, w]) => w)[0];
      let made = false;
      for (let attempt = 0; attempt < 3 && !made; attempt++) made = connect(p.index, drawFrom(attempt === 2 ? 'global' : pool, p));
    }
  }
  // Open networkers accept and send widely: top them up to their target, half from anywhere at all.
  for (const h of hubs) {
    const p = people[h]!;
    for (let attempt = 0; actual[h]! < degree[h]! && attempt < degree[h]! * 4; attempt++) {
      connect(h, rng.chance(0.5) ? anyone.draw(rng) : drawFrom(rng.pick(['industry', 'city', 'global'] as const), p));
    }
  }

  const invitations = pendingInvitations(rng, community, edges, hubs, drawFrom);
  const follows = followsWithoutConnection(rng, people, edges, everyone);
  return { connections, invitations, follows, openNetworkers: hubs };
}

/** Pending invitations between unconnected people, each pair once; the example people get some both ways. */
function pendingInvitations(
  rng: Random,
  community: DemoCommunity,
  edges: Set<number>,
  hubs: number[],
  drawFrom: (pool: Pool, p: DemoPerson) => number,
): DemoInvitation[] {
  const people = community.people;
  const invited = new Set<number>();
  const invitations: DemoInvitation[] = [];
  const invite = (from: number, to: number): boolean => {
    const key = pairKey(from, to);
    if (from === to || edges.has(key) || invited.has(key)) return false;
    invited.add(key);
    const context = rng.weighted(['profile', 'search', 'suggestion'] as const, (_, i) => [5, 2, 3][i]!);
    const note = rng.chance(0.8) ? noteFor(rng, community, people[from]!, people[to]!) : '';
    invitations.push({ from, to, note, context, daysAgo: rng.int(0, 60) });
    return true;
  };
  const near = (p: DemoPerson) => drawFrom(rng.pick(['org', 'city', 'industry'] as const), p);
  for (let e = 0; e < Math.min(EXAMPLE_PEOPLE, people.length); e++) {
    const me = people[e]!;
    for (let k = 0, tries = 0; k < 3 && tries < 30; tries++) if (invite(near(me), e)) k++;
    for (let k = 0, tries = 0; k < 2 && tries < 30; tries++) if (invite(e, near(me))) k++;
  }
  const others = Math.round(people.length * 0.04);
  for (let k = 0, tries = 0; k < others && tries < others * 10; tries++) {
    const from = rng.int(0, people.length - 1);
    // Some go to the open networkers, who attract requests from people they have never met.
    const to = hubs.length && rng.chance(0.2) ? rng.pick(hubs) : near(people[from]!);
    if (invite(from, to)) k++;
  }
  // Open networkers send the odd template invitation too: screening has something to flag.
  for (const h of hubs) for (let k = 0; k < 2; k++) invite(h, rng.int(0, people.length - 1));
  return invitations;
}

/** A few people follow someone prominent without being connected to them. */
function followsWithoutConnection(rng: Random, people: DemoPerson[], edges: Set<number>, prominent: Sampler): DemoFollow[] {
  const seen = new Set<string>();
  const follows: DemoFollow[] = [];
  const count = Math.round(people.length * 0.03);
  for (let k = 0, tries = 0; k < count && tries < count * 10; tries++) {
    const from = rng.int(0, people.length - 1);
    const to = prominent.draw(rng);
    if (from === to || edges.has(pairKey(from, to)) || seen.has(`${from}:${to}`)) continue;
    seen.add(`${from}:${to}`);
    follows.push({ from, to, atMs: connectionDate(rng, people[from]!, people[to]!) });
    k++;
  }
  return follows;
}
