import { describe, expect, it } from 'vitest';
import { CAREER_STAGES } from '../../common/limits.ts';
import { INDUSTRY_PROFILES } from './data.ts';
import { generateCommunity, mulberry32 } from './generate.ts';
import { demoPeople } from './load.ts';

describe('demo community generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateCommunity(300, 7))).toBe(JSON.stringify(generateCommunity(300, 7)));
    expect(generateCommunity(50, 7).people.map((p) => p.name)).not.toEqual(generateCommunity(50, 8).people.map((p) => p.name));
    const a = mulberry32(1);
    const b = mulberry32(1);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  const community = generateCommunity(2000, 42);

  it('produces profiles that pass the API validation, with unique emails', () => {
    const people = demoPeople(community);
    expect(people).toHaveLength(2000);
    expect(new Set(people.map((p) => p.email)).size).toBe(2000);
  });

  it('correlates function with industry, spreads career stages and concentrates employers', () => {
    const typical = community.people.filter((p) => INDUSTRY_PROFILES[p.industry]!.functions.includes(p.function)).length;
    expect(typical / community.people.length).toBeGreaterThan(0.7);
    expect(new Set(community.people.map((p) => p.careerStage))).toEqual(new Set(CAREER_STAGES));
    const perOrg = new Map<number, number>();
    for (const p of community.people) perOrg.set(p.organisations[0] ?? -1, (perOrg.get(p.organisations[0] ?? -1) ?? 0) + 1);
    const sizes = [...perOrg.values()].sort((a, b) => b - a);
    expect(sizes[0]!).toBeGreaterThan(10 * sizes[Math.floor(sizes.length / 2)]!);
    const sparse = community.people.filter((p) => p.completeness === 'sparse').length;
    const complete = community.people.filter((p) => p.completeness === 'complete').length;
    expect(sparse).toBeGreaterThan(200);
    expect(complete).toBeGreaterThan(400);
  });
});
