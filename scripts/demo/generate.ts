import { CAREER_STAGES, type CareerStage, FUNCTIONS, INDUSTRIES, LIMITS } from '../../common/limits.ts';
import { seededRandom } from '../../common/seeded-random.ts';
import { slugify } from '../../common/text.ts';
import { ASKS, FUNCTION_PROFILES, INDUSTRY_PROFILES, OFFERS, ORG_WORDS, REGIONS, type Region } from './data.ts';

/**
 * A deterministic generator of believable communities. The same seed gives the same people, organisations
 * and careers, so demo data, benchmarks and (next) a connection-graph generator can all cluster on the same
 * attributes: region and city, organisations (Zipf-distributed sizes), industry, function and career stage.
 */

/** The demo's generator (common/seeded-random.ts): the same community from the same seed on every machine. */
export const mulberry32 = seededRandom;

export class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly T[], weight: (item: T, index: number) => number): T {
    let total = 0;
    for (let i = 0; i < items.length; i++) total += weight(items[i]!, i);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weight(items[i]!, i);
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }
  /** k distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  }
}

/** Dates are relative to a fixed month so a seed gives the same data whenever it runs. */
export const REFERENCE_YEAR = 2026;
const REFERENCE_MONTH = 1;

export interface DemoOrganisation {
  index: number;
  name: string;
  industry: string;
  region: string;
  /** Zipf weight: a few large employers, a long tail of small ones. */
  weight: number;
}

export interface DemoPerson {
  index: number;
  email: string;
  name: string;
  region: string;
  city: string;
  country: string;
  industry: string;
  function: string;
  careerStage: CareerStage;
  birthYear: number;
  createdAt: Date;
  /** Organisation indices, most recent first; the first is the current employer unless retired. */
  organisations: number[];
  school: string;
  /** How complete the profile is: sparse, typical or complete. */
  completeness: 'sparse' | 'typical' | 'complete';
  /** Input for the profilePatch schema, validated exactly as the API would. */
  profile: Record<string, unknown>;
}

export interface DemoCommunity {
  seed: number;
  organisations: DemoOrganisation[];
  people: DemoPerson[];
}

const INDUSTRY_WEIGHT: Record<string, number> = {
  Software: 5, 'Financial Services': 3, Internet: 3, Healthcare: 2, Education: 2, Banking: 2, Retail: 2, 'Non-profit': 1.5,
  Manufacturing: 1.5, Media: 1.5, 'Venture Capital': 0.6,
};

const STAGE_WEIGHT: Record<CareerStage, number> = { student: 7, early: 24, mid: 32, senior: 23, executive: 8, retired: 6 };
/** Birth years per stage, relative to the reference year. */
const STAGE_AGE: Record<CareerStage, [number, number]> = {
  student: [19, 25], early: [23, 31], mid: [29, 42], senior: [36, 55], executive: [40, 62], retired: [64, 78],
};
const STAGE_LEVEL: Record<CareerStage, number> = { student: 0, early: 1, mid: 2, senior: 3, executive: 4, retired: 3 };
const STAGE_JOBS: Record<CareerStage, [number, number]> = {
  student: [0, 1], early: [1, 2], mid: [2, 4], senior: [3, 5], executive: [3, 6], retired: [3, 6],
};

function title(rng: Random, fn: string, level: number): string {
  const role = FUNCTION_PROFILES[fn]!.role;
  if (fn === 'Entrepreneurship') return ['Founder’s Associate', 'Co-founder', 'Founder', 'Founder & CEO', 'CEO'][level]!;
  switch (level) {
    case 0:
      return `${role} Intern`;
    case 1:
      return rng.chance(0.5) ? `Junior ${role}` : role;
    case 2:
      return role;
    case 3:
      return rng.chance(0.7) ? `Senior ${role}` : `Lead ${role}`;
    default:
      return rng.pick([`Head of ${fn}`, `Director of ${fn}`, `VP ${fn}`]);
  }
}

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function generateOrganisations(rng: Random, count: number): DemoOrganisation[] {
  const orgs: DemoOrganisation[] = [];
  const taken = new Set<string>();
  while (orgs.length < count) {
    const industry = rng.weighted(INDUSTRIES, (i) => INDUSTRY_WEIGHT[i] ?? 1);
    const name = `${rng.pick(ORG_WORDS)} ${rng.pick(INDUSTRY_PROFILES[industry]!.suffixes)}`.replace(' .io', '.io');
    if (taken.has(name)) continue;
    taken.add(name);
    const region = rng.weighted(REGIONS, (r) => r.weight).name;
    orgs.push({ index: orgs.length, name, industry, region, weight: 1 / (orgs.length + 1) ** 1.07 });
  }
  return orgs;
}

/** Generates `count` people and their organisations; deterministic for a seed. */
export function generateCommunity(count: number, seed = 42): DemoCommunity {
  const rng = new Random(seed);
  const organisations = generateOrganisations(rng, Math.max(30, Math.min(600, Math.round(count / 6))));
  const orgsByRegion = new Map<string, DemoOrganisation[]>();
  const orgsByIndustry = new Map<string, DemoOrganisation[]>();
  for (const o of organisations) {
    orgsByRegion.set(o.region, [...(orgsByRegion.get(o.region) ?? []), o]);
    orgsByIndustry.set(o.industry, [...(orgsByIndustry.get(o.industry) ?? []), o]);
  }
  const zipf = (list: DemoOrganisation[]) => rng.weighted(list, (o) => o.weight);

  const people: DemoPerson[] = [];
  for (let index = 0; index < count; index++) {
    const region: Region = rng.weighted(REGIONS, (r) => r.weight);
    // Communities mix: some people carry a family name from elsewhere.
    const lastRegion = rng.chance(0.08) ? rng.weighted(REGIONS, (r) => r.weight) : region;
    const first = rng.pick(region.first);
    const last = rng.pick(lastRegion.last);
    const name = `${first} ${last}`;
    const [city, country] = rng.weighted(region.cities, (_, i) => 1 / (i + 1));
    const stage = rng.weighted(CAREER_STAGES, (s) => STAGE_WEIGHT[s]);
    const [minAge, maxAge] = STAGE_AGE[stage];
    const birthYear = REFERENCE_YEAR - rng.int(minAge, maxAge);

    const local = orgsByRegion.get(region.name) ?? [];
    const current = local.length && rng.chance(0.65) ? zipf(local) : zipf(organisations);
    const industry = current.industry;
    const typical = INDUSTRY_PROFILES[industry]!.functions;
    const fn = rng.chance(0.75) ? rng.pick(typical) : rng.pick(FUNCTIONS);
    const fp = FUNCTION_PROFILES[fn]!;

    // Career: jobs laid end to end from the first job to now (or retirement), most recent first.
    const [minJobs, maxJobs] = STAGE_JOBS[stage];
    const jobs = rng.int(minJobs, maxJobs);
    const careerStart = stage === 'student' ? REFERENCE_YEAR - 1 : birthYear + 21 + rng.int(0, 3);
    const careerEnd = stage === 'retired' ? Math.min(birthYear + rng.int(60, 67), REFERENCE_YEAR - 1) : REFERENCE_YEAR;
    const orgIds: number[] = [];
    const experience: Record<string, unknown>[] = [];
    const span = Math.max(1, careerEnd - careerStart);
    const cuts = Array.from({ length: Math.max(0, jobs - 1) }, () => careerStart + rng.int(1, span - 1 || 1)).sort((a, b) => a - b);
    const starts = [careerStart, ...cuts];
    let endYear: number | null = stage === 'retired' ? careerEnd : null;
    let endMonth = rng.int(1, 12);
    for (let j = jobs - 1; j >= 0; j--) {
      const org = j === jobs - 1 ? current : rng.chance(0.6) ? zipf(orgsByIndustry.get(industry) ?? organisations) : zipf(organisations);
      const level = stage === 'student' ? 0 : Math.max(1, Math.round(STAGE_LEVEL[stage] - (jobs - 1 - j) * 0.8));
      let startYear = Math.min(starts[j]!, endYear ?? REFERENCE_YEAR);
      let startMonth = rng.int(1, 12);
      if (endYear !== null && (startYear > endYear || (startYear === endYear && startMonth > endMonth))) {
        startYear = endYear;
        startMonth = endMonth;
      }
      if (endYear === null && startYear === REFERENCE_YEAR) startMonth = REFERENCE_MONTH;
      orgIds.push(org.index);
      experience.push({
        organisation: org.name,
        title: title(rng, fn, Math.min(level, 4)),
        startDate: ym(startYear, startMonth),
        endDate: endYear === null ? null : ym(endYear, endMonth),
        description: '',
      });
      endYear = startYear;
      endMonth = startMonth;
    }
    const uni = rng.chance(0.8) ? rng.pick(region.universities) : rng.pick(rng.pick(REGIONS).universities);
    const gradYear = stage === 'student' ? REFERENCE_YEAR + rng.int(0, 3) : birthYear + 22;
    const education: Record<string, unknown>[] = [];
    if (stage !== 'student' && stage !== 'early' && rng.chance(fn === 'Research' ? 0.6 : 0.35)) {
      const degree = fn === 'Research' ? `PhD ${fp.study}` : stage === 'executive' || fn === 'Finance' ? 'MBA' : `MSc ${fp.study}`;
      education.push({ school: rng.pick(region.universities), degree, startYear: gradYear + 1, endYear: gradYear + (degree.startsWith('PhD') ? 5 : 2) });
    }
    education.push({ school: uni, degree: `${rng.chance(0.5) ? 'BSc' : 'BA'} ${fp.study}`, startYear: gradYear - 3, endYear: gradYear });

    const completeness = rng.weighted(['sparse', 'typical', 'complete'] as const, (c) => ({ sparse: 20, typical: 45, complete: 35 })[c]);
    const nSkills = completeness === 'sparse' ? rng.int(0, 2) : completeness === 'typical' ? rng.int(3, 6) : rng.int(6, 12);
    const other = FUNCTION_PROFILES[rng.pick(FUNCTIONS)]!.skills;
    const skills = [...new Set([...rng.sample(fp.skills, nSkills), ...rng.sample(other, nSkills > 4 ? 2 : 0)])].slice(0, LIMITS.skillsMax);
    const currentTitle = experience[0]?.title as string | undefined;
    const headline =
      stage === 'student'
        ? `${fp.study} student at ${uni}`
        : stage === 'retired'
          ? `Retired ${fp.role}, formerly at ${current.name}`
          : rng.weighted(
              [`${currentTitle} at ${current.name}`, `${currentTitle} · ${skills.slice(0, 2).join(' & ')}`, `${currentTitle} | ${industry}`],
              (_, i) => (i === 1 && skills.length < 2 ? 0 : [6, 2, 2][i]!),
            );
    const values = {
      function: fn.toLowerCase(), industry: industry.toLowerCase(), city, skill: skills[0] ?? fp.skills[0]!, role: fp.role,
      otherFunction: rng.pick(FUNCTIONS).toLowerCase(),
    };

    const profile: Record<string, unknown> = { headline };
    if (completeness !== 'sparse' || rng.chance(0.5)) profile.location = `${city}, ${country}`;
    if (skills.length) profile.skills = skills;
    if (completeness !== 'sparse') {
      Object.assign(profile, { industry, function: fn, careerStage: stage, experience: experience.slice(0, completeness === 'typical' ? 2 : undefined) });
    }
    if (completeness === 'complete') {
      const previous = experience[1]?.organisation as string | undefined;
      profile.about = [
        `I'm ${stage === 'retired' ? 'a retired' : 'a'} ${fp.role.toLowerCase()} in ${city}${stage === 'retired' ? '' : `, at ${current.name}`}.`,
        skills.length >= 2 ? `Most of my work involves ${skills[0]} and ${skills[1]}.` : '',
        previous ? `Before that I was at ${previous}.` : '',
        `Happy to talk about ${values.skill.toLowerCase()} or ${industry.toLowerCase()}.`,
      ].filter(Boolean).join(' ');
      profile.education = education;
      profile.birthYear = birthYear;
      profile.offers = rng.sample(OFFERS, rng.int(1, 3)).map((t) => fill(t, values));
      profile.asks = rng.sample(ASKS, rng.int(0, 2)).map((t) => fill(t, values));
      if (rng.chance(0.4)) profile.links = [{ label: 'Website', url: `https://example.com/${slugify(name)}` }];
    }
    const createdDays = rng.int(0, 3 * 365);
    people.push({
      index,
      email: `${slugify(first, 'x')}.${slugify(last, 'x')}.${index + 1}@demo${seed}.example.com`,
      name,
      region: region.name,
      city,
      country,
      industry,
      function: fn,
      careerStage: stage,
      birthYear,
      createdAt: new Date(Date.UTC(REFERENCE_YEAR, REFERENCE_MONTH - 1, 1) - createdDays * 86_400_000),
      organisations: orgIds,
      school: uni,
      completeness,
      profile,
    });
  }
  return { seed, organisations, people };
}
