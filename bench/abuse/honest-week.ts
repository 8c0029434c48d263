import { REGIONS } from '../../scripts/demo/data.ts';
import { type DemoPerson, type Random, REFERENCE_YEAR } from '../../scripts/demo/generate.ts';
import type { SimMember } from './actors.ts';
import { honestIp } from './community.ts';
import type { Driver, Step } from './drive.ts';
import { honestPolicy, honestTraits, noteFor, pickTarget, type Target } from './honest-behaviour.ts';

/**
 * One simulated week of honest activity: ordinary members inviting people they know, and the three
 * edge cases that must not be punished (the open networker, a newcomer inviting classmates, and someone
 * back after years away), plus honest sign-ups during the run, one group of them from a shared office
 * address.
 */

export const HONEST_PASSWORD = 'a perfectly ordinary passphrase';
/**
 * The open networker's invitations per week: "invites a lot" (80 a week in a community of 5,000, within an
 * established allowance), fewer in a small community so they do not run out of people they could know.
 */
export const openNetworkerPerWeek = (members: number) => Math.min(80, Math.max(10, Math.round(members / 60)));

const firstOf = (m: SimMember) => m.name.split(' ')[0] ?? m.name;

/** What two people share, for the note: an organisation, a school, or nothing the generator knows of. */
function sharedFacts(d: Driver, a: SimMember, b: SimMember): Target['facts'] {
  const pa = a.person;
  const pb = b.person;
  if (!pa || !pb) return null;
  const org = pa.organisations.find((o) => pb.organisations.includes(o));
  if (org !== undefined) return { kind: 'org', name: d.community.demo.organisations[org]!.name };
  if (pa.school === pb.school) return { kind: 'school', name: pa.school };
  if (pa.city === pb.city) return { kind: 'city', name: pa.city };
  return null;
}

/** A target from "People you may know" (the API), or else from the member's own circles. */
async function chooseTarget(d: Driver, rng: Random, m: SimMember): Promise<Target | null> {
  if (rng.chance(0.2)) {
    const res = await d.api.call(m, 'GET', '/api/v1/suggestions/people?limit=10');
    if (res.status === 200) {
      const items = (res.body as { items: { person: { id: number } }[] }).items;
      const options = items
        .slice(0, 6)
        .map((i) => d.community.byId.get(i.person.id))
        .filter((t): t is SimMember => !!t && !d.taken(m.id, t.id) && !d.community.adjacency.get(m.id)?.has(t.id));
      if (options.length) {
        const t = rng.pick(options);
        return { member: t, context: 'suggestion', facts: sharedFacts(d, m, t) };
      }
    }
  }
  return pickTarget(rng, d.community, m, d.taken);
}

function inviteSteps(d: Driver, rng: Random, m: SimMember, n: number, alwaysNote = false): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < n; i++) {
    steps.push(async () => {
      if (!m.auth) return;
      const t = await chooseTarget(d, rng, m);
      if (!t) return;
      const traits = d.traits.get(m.id);
      await d.invite(m, t.member, noteFor(rng, m, t, alwaysNote, traits?.writesNotes ?? false), t.context);
    });
  }
  return steps;
}

/** Ordinary members: each is active in a week with their own probability and sends one to a few invitations. */
export function ordinaryWeek(d: Driver, rng: Random): Step[][] {
  const scripts: Step[][] = [];
  const everyone = [...d.community.people, ...[...d.joined.values()].filter((m) => m.honest)];
  for (const m of everyone) {
    if (m.kind !== 'honest' && m.kind !== 'honest_signup') continue;
    const traits = d.traits.get(m.id);
    if (!traits || !rng.chance(traits.weeklyActivity)) continue;
    const n = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0) + (rng.chance(0.08) ? 2 : 0);
    scripts.push(inviteSteps(d, rng, m, n));
  }
  return scripts;
}

/** The open networker: many invitations a week, every one with a personal note, to people they share something with. */
export function openNetworkerWeek(d: Driver, rng: Random): Step[][] {
  return [inviteSteps(d, rng, d.community.openNetworker, openNetworkerPerWeek(d.community.people.length), true)];
}

/** Back after years away: updates the profile, then looks up old colleagues. */
export function returningWeek(d: Driver, rng: Random, w: number): Step[][] {
  const m = d.community.returning;
  const p = m.person!;
  if (w !== 1 && w !== 2) return [];
  const steps: Step[] = [];
  if (w === 1) {
    steps.push(async () => {
      await d.api.call(m, 'PATCH', '/api/v1/me/profile', { headline: `${p.function} · back in ${p.city} and catching up with old colleagues` });
    });
  }
  const colleagues = [...new Set(p.organisations.flatMap((o) => d.community.orgMembers.get(o) ?? []))].map((i) => d.community.people[i]!);
  for (let i = 0; i < (w === 1 ? 20 : 10); i++) {
    steps.push(async () => {
      const options = colleagues.filter((t) => t.id !== m.id && !d.taken(m.id, t.id) && !d.community.adjacency.get(m.id)?.has(t.id));
      if (!options.length) return;
      const t = rng.pick(options);
      const target: Target = { member: t, context: 'search', facts: sharedFacts(d, m, t) };
      await d.invite(m, t, noteFor(rng, m, target, false, rng.chance(0.6)), 'search');
    });
  }
  return [steps];
}

/** A person who is not in the community yet: a new name, and a profile copied from a colleague's circles. */
function newcomerPerson(rng: Random, like: DemoPerson, index: number, seed: number): { person: DemoPerson; email: string } {
  const region = REGIONS.find((r) => r.name === like.region) ?? REGIONS[0]!;
  const name = `${rng.pick(region.first)} ${rng.pick(region.last)}`;
  const local = name.normalize('NFKD').replace(/[^\w]/g, '').toLowerCase();
  const person: DemoPerson = { ...like, name, email: `${local}.${index}@newcomers${seed}.example.org` };
  return { person, email: person.email };
}

async function joinHonest(d: Driver, rng: Random, m: SimMember, email: string, profile: Record<string, unknown>): Promise<void> {
  const ok = await d.register(m, email, HONEST_PASSWORD, profile);
  if (!ok) return;
  d.traits.set(m.id, honestTraits(rng, m));
  await d.api.call(m, 'PUT', '/api/v1/me/screening', honestPolicy(rng));
}

/**
 * A newcomer in their first year of studies: signs up, says where they study, and invites classmates
 * (people from the same school whose studies overlap) in the first two weeks.
 */
export function newcomerWeek(d: Driver, rng: Random, w: number, state: { newcomer?: SimMember }): Step[][] {
  if (w !== 1 && w !== 2) return [];
  const students = d.community.people.filter((p) => p.person && (p.person.careerStage === 'student' || p.person.careerStage === 'early'));
  const bySchool = new Map<string, SimMember[]>();
  for (const s of students) bySchool.set(s.person!.school, [...(bySchool.get(s.person!.school) ?? []), s]);
  const [school, mates] = [...bySchool].sort((a, b) => b[1].length - a[1].length)[0]!;
  // Classmates: their profile lists the school with years that overlap the newcomer's.
  const overlaps = (t: SimMember) =>
    ((t.person!.profile.education as { school: string; endYear: number }[] | undefined) ?? []).some((e) => e.school === school && e.endYear >= REFERENCE_YEAR - 2);
  const classmates = mates.filter(overlaps).length >= 10 ? mates.filter(overlaps) : mates;
  const steps: Step[] = [];
  if (w === 1) {
    const like = rng.pick(mates).person!;
    const { person, email } = newcomerPerson(rng, like, 0, d.community.demo.seed);
    const m: SimMember = {
      id: 0, handle: '', name: person.name, kind: 'newcomer', honest: true, auth: null, ip: '',
      person: { ...person, careerStage: 'student', organisations: [] },
    };
    m.ip = `${rng.int(24, 90)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    state.newcomer = m;
    steps.push(() =>
      joinHonest(d, rng, m, email, {
        headline: `Computer Science student at ${school}`,
        location: `${like.city}, ${like.country}`,
        careerStage: 'student',
        industry: 'Software',
        skills: ['Python', 'Data Analysis', 'Machine Learning'],
        education: [{ school, degree: 'BSc Computer Science', startYear: REFERENCE_YEAR - 1, endYear: REFERENCE_YEAR + 2 }],
      }),
    );
  }
  const m = state.newcomer;
  if (!m) return [];
  const openers = ['I think we were in the same lectures at', 'New here, and I recognised you from', 'Finally found you on here, fellow student at'];
  const closers = ['Let us keep in touch.', 'See you on campus!', 'Would be great to connect.', ''];
  for (let i = 0; i < (w === 1 ? 12 : 8); i++) {
    steps.push(async () => {
      if (!m.auth) return;
      const options = classmates.filter((t) => !d.taken(m.id, t.id));
      if (!options.length) return;
      const t = rng.pick(options);
      const note = rng.chance(0.7) ? `Hi ${firstOf(t)}! ${rng.pick(openers)} ${school}. ${rng.pick(closers)}`.trim() : '';
      await d.invite(m, t, note, 'search');
    });
  }
  return [steps];
}

/**
 * People joining during the run: a few each week from their own addresses, each inviting colleagues;
 * in week 2 also a team of four from one office address (a company rolling the network out).
 */
export function honestSignupsWeek(d: Driver, rng: Random, w: number, perWeek: number): Step[][] {
  if (w < 1) return [];
  const scripts: Step[][] = [];
  const officeIp = honestIp(rng);
  const group = w === 2 ? 4 : 0;
  const officeJoins: Step[] = [];
  const officeInvites: Step[] = [];
  const officeLike = rng.pick(d.community.people.filter((p) => p.person && p.person.organisations.length > 0)).person!;
  for (let i = 0; i < perWeek + group; i++) {
    const inOffice = i >= perWeek;
    const like = inOffice ? officeLike : rng.pick(d.community.people).person!;
    const { person, email } = newcomerPerson(rng, like, w * 1000 + i, d.community.demo.seed);
    const m: SimMember = { id: 0, handle: '', name: person.name, kind: 'honest_signup', honest: true, auth: null, ip: inOffice ? officeIp : honestIp(rng), person };
    const join: Step = () => joinHonest(d, rng, m, email, like.profile);
    const invites = inviteSteps(d, rng, m, rng.int(2, 5));
    if (inOffice) {
      officeJoins.push(join);
      officeInvites.push(...invites);
    } else {
      scripts.push([join, ...invites]);
    }
  }
  // The office team signs up together, one after another from the same address, then each invites colleagues.
  if (officeJoins.length) {
    scripts.push([
      async () => {
        for (const join of officeJoins) await join();
      },
      ...officeInvites,
    ]);
  }
  return scripts;
}
