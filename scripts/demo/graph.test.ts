import { describe, expect, it } from 'vitest';
import { INVITATION_SOURCES } from '../../common/schemas/network.ts';
import { generateCommunity, REFERENCE_YEAR } from './generate.ts';
import { generateGraph } from './graph.ts';

const N = 2000;
const community = generateCommunity(N, 42);
const graph = generateGraph(community);
const people = community.people;
const key = (a: number, b: number) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const connected = new Set(graph.connections.map((c) => key(c.a, c.b)));
const degree = new Array<number>(N).fill(0);
for (const c of graph.connections) {
  degree[c.a]!++;
  degree[c.b]!++;
}
const sorted = [...degree].sort((a, b) => b - a);
const shareSomething = (i: number, j: number) => {
  const a = people[i]!;
  const b = people[j]!;
  return a.organisations.some((o) => b.organisations.includes(o)) || a.city === b.city || a.industry === b.industry;
};

describe('demo graph generator', () => {
  it('is deterministic for a community and seed', () => {
    const small = generateCommunity(300, 7);
    expect(JSON.stringify(generateGraph(small))).toBe(JSON.stringify(generateGraph(small)));
    expect(JSON.stringify(generateGraph(small, 8))).not.toBe(JSON.stringify(generateGraph(small)));
  });

  it('invents no origin for a feature that does not exist yet: no introductions, no comments', () => {
    expect(new Set(graph.connections.map((c) => c.context))).toEqual(new Set(['profile', 'suggestion', 'search', 'import']));
    // Pending invitations name only surfaces a client may send from.
    expect(graph.invitations.every((v) => (INVITATION_SOURCES as readonly string[]).includes(v.context))).toBe(true);
  });

  it('has no self-loops and no pair twice, in either direction', () => {
    expect(graph.connections.every((c) => c.a !== c.b)).toBe(true);
    expect(connected.size).toBe(graph.connections.length);
  });

  it('has heavy-tailed degrees: most members know a few people, open networkers know a tenth to a third', () => {
    const median = sorted[N / 2]!;
    const mean = (2 * graph.connections.length) / N;
    expect(median).toBeGreaterThanOrEqual(3);
    expect(median).toBeLessThan(mean);
    // Among ordinary members too: far beyond what a Poisson graph of that mean could produce.
    const ordinary = degree.filter((_, i) => !graph.openNetworkers.includes(i));
    expect(Math.max(...ordinary)).toBeGreaterThan(6 * mean);
    // The top 1% hold a large share of all connection ends.
    const top = sorted.slice(0, N / 100).reduce((s, d) => s + d, 0);
    expect(top / (2 * graph.connections.length)).toBeGreaterThan(0.12);

    expect(graph.openNetworkers.length).toBeGreaterThanOrEqual(3);
    for (const h of graph.openNetworkers) {
      expect(degree[h]!).toBeGreaterThanOrEqual(0.1 * N);
      expect(degree[h]!).toBeLessThanOrEqual(0.3 * N);
    }
    expect(sorted.slice(0, graph.openNetworkers.length).sort()).toEqual(graph.openNetworkers.map((h) => degree[h]!).sort());
  });

  it('clusters by organisation, place and industry', () => {
    const within = graph.connections.filter((c) => shareSomething(c.a, c.b)).length;
    expect(within / graph.connections.length).toBeGreaterThan(0.6);
    // Against random pairs, which rarely share any of them.
    let random = 0;
    for (let k = 0; k < 5000; k++) if (shareSomething((k * 7919) % N, (k * 104_729 + 13) % N)) random++;
    expect(random / 5000).toBeLessThan(0.3);
  });

  it('dates each connection after both members joined, before the reference date', () => {
    const end = Date.UTC(REFERENCE_YEAR, 0, 1);
    const early = graph.connections.filter((c) => c.atMs < Math.max(people[c.a]!.createdAt.getTime(), people[c.b]!.createdAt.getTime()));
    expect(early).toEqual([]);
    expect(graph.connections.filter((c) => c.atMs > end)).toEqual([]);
    const years = new Set(graph.connections.map((c) => new Date(c.atMs).getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(3);
  });

  it('adds pending invitations both ways for the example members, between unconnected people, once per pair', () => {
    const pairs = graph.invitations.map((v) => key(v.from, v.to));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.some((p) => connected.has(p))).toBe(false);
    expect(graph.invitations.every((v) => v.from !== v.to && v.note.length <= 300)).toBe(true);
    expect(graph.invitations.filter((v) => v.note).length / graph.invitations.length).toBeGreaterThan(0.6);
    for (const me of [0, 1, 2]) {
      expect(graph.invitations.filter((v) => v.to === me).length).toBeGreaterThanOrEqual(2);
      expect(graph.invitations.filter((v) => v.from === me).length).toBeGreaterThanOrEqual(1);
    }
    expect(graph.invitations.length).toBeGreaterThan(N * 0.03);
  });

  it('adds a few follows without a connection', () => {
    expect(graph.follows.length).toBeGreaterThan(10);
    expect(graph.follows.some((f) => connected.has(key(f.from, f.to)) || f.from === f.to)).toBe(false);
    expect(new Set(graph.follows.map((f) => `${f.from}>${f.to}`)).size).toBe(graph.follows.length);
  });

  it('keeps connection notes within the invitation note limit', () => {
    const notes = graph.connections.filter((c) => c.note);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((c) => c.note!.length <= 300)).toBe(true);
  });
});
