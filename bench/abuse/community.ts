import { inArray } from 'drizzle-orm';
import { type BulkEdge, bulkConnect } from '../../server/commands/network/bulk-connect.ts';
import { createAccessToken } from '../../server/commands/auth/sessions.ts';
import type { Database } from '../../server/db/connection.ts';
import { members } from '../../server/db/schema.ts';
import { inTransaction } from '../../server/db/transaction.ts';
import { type DemoCommunity, type DemoPerson, generateCommunity, Random, REFERENCE_YEAR } from '../../scripts/demo/generate.ts';
import { type DemoGraph, generateGraph } from '../../scripts/demo/graph.ts';
import { loadDemo } from '../../scripts/demo/load.ts';
import type { SimMember } from './actors.ts';

/**
 * The honest community: the demo generator's people (organisations, schools, places, industries, careers)
 * and its power-law, clustered connection graph, moved forward in time so that "now" is the end of the
 * generated history. Members and their existing connections are written directly (createMember through
 * the importer, bulkConnect), which is what an import would do; everything they do afterwards goes through
 * the API with a personal access token each.
 */

const DAY = 86_400_000;
const REFERENCE_MS = Date.UTC(REFERENCE_YEAR, 0, 1);

export interface Community {
  demo: DemoCommunity;
  graph: DemoGraph;
  /** Honest members by demo index. */
  people: SimMember[];
  byId: Map<number, SimMember>;
  /** The most connected open networker of the generated graph: the edge case that must never be restricted. */
  openNetworker: SimMember;
  /** A member whose account and connections are years old, back after a long absence. */
  returning: SimMember;
  /** Demo indices by organisation index and by school name (past and present). */
  orgMembers: Map<number, number[]>;
  schoolMembers: Map<string, number[]>;
  /** Every member's connections by member id (honest and adversary), refreshed from the database each week. */
  adjacency: Map<number, Set<number>>;
  /** Honest member ids by generated degree, highest first: the "hubs" a fake cluster goes after. */
  hubsByDegree: number[];
  loadMs: number;
}

/** A public-looking, deterministic address for each honest member (never loopback, so nothing is exempt). */
export function honestIp(rng: Random): string {
  const first = rng.pick([24, 31, 45, 62, 77, 81, 88, 93, 101, 109, 121, 145, 151, 176, 185, 188, 212, 217]);
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** Turns a member who has been away for years into exactly that: an old account whose connections are all old. */
function makeReturning(rng: Random, person: DemoPerson, graph: DemoGraph, people: DemoPerson[], nowMs: number): void {
  person.createdAt = new Date(nowMs - 6 * 365 * DAY);
  const cutoff = nowMs - 2 * 365 * DAY;
  graph.connections = graph.connections.filter((c) => {
    if (c.a !== person.index && c.b !== person.index) return true;
    const other = people[c.a === person.index ? c.b : c.a]!;
    if (other.createdAt.getTime() > cutoff) return false;
    c.atMs = Math.max(person.createdAt.getTime(), other.createdAt.getTime()) + rng.int(0, 30) * DAY;
    return true;
  });
}

/** Generates and loads the honest community; deterministic for a seed (apart from database ids). */
export async function buildCommunity(
  database: Database,
  options: { members: number; seed: number; publicUrl: string; scryptLogN: number; log: (line: string) => void },
): Promise<Community> {
  const started = performance.now();
  const rng = new Random(options.seed * 31 + 5);
  const demo = generateCommunity(options.members, options.seed);
  const graph = generateGraph(demo);
  const nowMs = Date.now();
  // The generated history ends on REFERENCE_MS; move it so that it ends yesterday.
  const offset = nowMs - DAY - REFERENCE_MS;
  for (const p of demo.people) p.createdAt = new Date(p.createdAt.getTime() + offset);
  for (const c of graph.connections) c.atMs += offset;

  const degree = new Array<number>(demo.people.length).fill(0);
  for (const c of graph.connections) {
    degree[c.a]!++;
    degree[c.b]!++;
  }
  // Open networkers keep full profiles (they want to be found); pick the best-connected one who does.
  const complete = (i: number) => demo.people[i]!.completeness === 'complete';
  const open =
    graph.openNetworkers.find(complete) ??
    demo.people.map((p) => p.index).filter(complete).sort((a, b) => degree[b]! - degree[a]!)[0] ??
    degree.indexOf(Math.max(...degree));
  const hubSet = new Set(graph.openNetworkers);
  const candidates = demo.people.filter(
    (p) =>
      !hubSet.has(p.index) && p.completeness === 'complete' && (p.careerStage === 'mid' || p.careerStage === 'senior') &&
      p.createdAt.getTime() < nowMs - 800 * DAY && degree[p.index]! >= 6 && degree[p.index]! <= 40,
  );
  const returningPerson = candidates.length ? rng.pick(candidates) : demo.people[demo.people.length - 1]!;
  makeReturning(rng, returningPerson, graph, demo.people, nowMs);

  options.log(`loading ${demo.people.length.toLocaleString('en')} honest members and ${graph.connections.length.toLocaleString('en')} connections`);
  await loadDemo(database, demo, { publicUrl: options.publicUrl, scryptLogN: options.scryptLogN });
  const ids = await memberIds(database, demo.people.map((p) => p.email));
  const edges: BulkEdge[] = graph.connections.map((c) => ({ ...c, a: ids[c.a]!, b: ids[c.b]! }));
  const tokens = await inTransaction(database.db, async (tx) => {
    await bulkConnect(tx, edges);
    const out: string[] = [];
    for (const id of ids) out.push((await createAccessToken(tx, id, 'abuse simulation')).token);
    return out;
  });
  await database.vacuumAnalyze();

  const people: SimMember[] = demo.people.map((p) => ({
    id: ids[p.index]!,
    handle: '',
    name: p.name,
    kind: p.index === open ? 'open_networker' : p.index === returningPerson.index ? 'returning' : 'honest',
    honest: true,
    auth: { token: tokens[p.index]! },
    ip: honestIp(rng),
    person: p,
  }));
  const handles = await memberHandles(database, ids);
  for (const m of people) m.handle = handles.get(m.id)!;

  const orgMembers = new Map<number, number[]>();
  const schoolMembers = new Map<string, number[]>();
  for (const p of demo.people) {
    for (const o of new Set(p.organisations)) orgMembers.set(o, [...(orgMembers.get(o) ?? []), p.index]);
    schoolMembers.set(p.school, [...(schoolMembers.get(p.school) ?? []), p.index]);
  }
  const hubsByDegree = demo.people
    .map((p) => p.index)
    .sort((a, b) => degree[b]! - degree[a]!)
    .map((i) => ids[i]!);
  return {
    demo,
    graph,
    people,
    byId: new Map(people.map((m) => [m.id, m])),
    openNetworker: people[open]!,
    returning: people[returningPerson.index]!,
    orgMembers,
    schoolMembers,
    adjacency: new Map(),
    hubsByDegree,
    loadMs: Math.round(performance.now() - started),
  };
}

async function memberIds(database: Database, emails: string[]): Promise<number[]> {
  const byEmail = new Map<string, number>();
  for (let i = 0; i < emails.length; i += 1000) {
    const found = await database.db
      .select({ id: members.id, email: members.email })
      .from(members)
      .where(inArray(members.email, emails.slice(i, i + 1000)));
    for (const f of found) byEmail.set(f.email, f.id);
  }
  return emails.map((e) => {
    const id = byEmail.get(e);
    if (id === undefined) throw new Error(`member ${e} was not loaded`);
    return id;
  });
}

async function memberHandles(database: Database, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const found = await database.db
      .select({ id: members.id, handle: members.handle })
      .from(members)
      .where(inArray(members.id, ids.slice(i, i + 1000)));
    for (const f of found) out.set(f.id, f.handle);
  }
  return out;
}
