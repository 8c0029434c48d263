import { REGIONS } from '../../scripts/demo/data.ts';
import type { Random } from '../../scripts/demo/generate.ts';
import type { AdversaryKind, SimMember } from './actors.ts';
import { sql } from 'drizzle-orm';
import { rows } from '../../server/db/connection.ts';
import { honestIp } from './community.ts';
import type { Driver, Step } from './drive.ts';
import { personalNote } from './notes.ts';

/**
 * The five adversaries: the four of issue 4 and connect-then-pitch (issue 12). Each behaves as described
 * whatever the defences do: it signs up through the API, fills its profile, and keeps sending its planned
 * invitations (and pitches) every week (a refusal is recorded and it moves on to the next target). The one
 * adaptation is the peddler dropping the link from its pitch once told new accounts may not send links, as
 * a real one would.
 */

export const ADVERSARY_PASSWORD = 'correct horse battery staple 42';

export interface Adversary {
  kind: AdversaryKind;
  members: SimMember[];
  /** The steps of one simulated week (week 1 is the first week adversaries are active). */
  week(w: number, d: Driver): Step[][];
}

function randomName(rng: Random): string {
  const region = rng.weighted(REGIONS, (r) => r.weight);
  return `${rng.pick(region.first)} ${rng.pick(region.last)}`;
}

const first = (m: SimMember) => m.name.split(' ')[0] ?? m.name;
const slug = (s: string) => s.normalize('NFKD').replace(/[^\w]/g, '').toLowerCase();

function newMember(kind: AdversaryKind, name: string, ip: string): SimMember {
  return { id: 0, handle: '', name, kind, honest: false, auth: null, ip };
}

async function register(d: Driver, m: SimMember, email: string, profile: Record<string, unknown>): Promise<void> {
  await d.register(m, email, ADVERSARY_PASSWORD, profile);
}

/** Honest members in random order, without those the sender already invited or is connected to. */
function freshTargets(d: Driver, rng: Random, from: SimMember, pool: SimMember[], n: number): SimMember[] {
  const mine = d.community.adjacency.get(from.id);
  const out: SimMember[] = [];
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const t = rng.pick(pool);
    if (t.id === from.id || d.taken(from.id, t.id) || mine?.has(t.id) || out.includes(t)) continue;
    out.push(t);
  }
  return out;
}

/** (a) A bulk-invite bot: one account, one template note, hundreds of invitations a week to anyone. */
export function bulkBot(rng: Random, perWeek = 300): Adversary {
  const bot = newMember('bot', 'Alex Morgan', '192.0.2.77');
  const note = (m: SimMember) => `Hi ${first(m)}, I'd like to add you to my professional network. Let's connect and grow together!`;
  return {
    kind: 'bot',
    members: [bot],
    week(w, d) {
      const steps: Step[] = [];
      if (w === 1) steps.push(() => register(d, bot, 'alex.morgan.connect@outlook.com', { headline: 'Growth | Networking | Opportunities', location: 'London, United Kingdom' }));
      for (let i = 0; i < perWeek; i++) {
        steps.push(async () => {
          const [t] = freshTargets(d, rng, bot, d.community.people, 1);
          if (t) await d.invite(bot, t, note(t), rng.chance(0.5) ? 'search' : 'profile');
        });
      }
      return [steps];
    },
  };
}

/**
 * (b) Fifty fake accounts registered within minutes from one /24, thin profiles (a stock headline),
 * some on disposable mail; they connect among themselves to look vouched for, then invite hubs.
 */
export function fakeCluster(rng: Random, size = 50, hubInvitesPerWeek = 8): Adversary {
  const fakes = Array.from({ length: size }, (_, i) => newMember('cluster', randomName(rng), `198.51.100.${10 + i}`));
  const headlines = ['Entrepreneur', 'Business Owner', 'CEO & Founder', 'Investor | Entrepreneur', 'Founder', 'Digital Entrepreneur'];
  const notes = ['', "Let's connect!", 'Hi, I would like to join your network.', ''];
  const domains = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'guerrillamail.com'];
  return {
    kind: 'cluster',
    members: fakes,
    week(w, d) {
      const steps: Step[] = [];
      if (w === 1) {
        // One burst: every sign-up back to back (a few seconds of wall clock, well within "minutes").
        steps.push(async () => {
          for (const [i, m] of fakes.entries()) {
            const email = `${slug(m.name.replace(' ', '.'))}${rng.int(10, 99)}@${domains[i % domains.length]}`;
            await register(d, m, email, { headline: rng.pick(headlines), location: rng.chance(0.5) ? 'Dubai, United Arab Emirates' : '' });
          }
        });
        // A ring of invitations among themselves, each accepted, to manufacture mutual connections.
        steps.push(async () => {
          for (const [i, m] of fakes.entries()) {
            for (const k of [1, 2]) await d.invite(m, fakes[(i + k) % fakes.length]!, '', 'profile', true);
          }
        });
        steps.push(async () => {
          for (const m of fakes) {
            if (!m.auth) continue;
            const res = await d.api.call(m, 'GET', '/api/v1/invitations?box=received&folder=inbox&limit=50');
            const other = await d.api.call(m, 'GET', '/api/v1/invitations?box=received&folder=other&limit=50');
            const items = [...((res.body as { items?: { id: number }[] })?.items ?? []), ...((other.body as { items?: { id: number }[] })?.items ?? [])];
            for (const it of items) await d.api.call(m, 'POST', `/api/v1/invitations/${it.id}/accept`);
          }
        });
      }
      const hubs = d.community.hubsByDegree.slice(0, 150).map((id) => d.community.byId.get(id)!);
      for (const m of fakes) {
        for (let k = 0; k < hubInvitesPerWeek; k++) {
          steps.push(async () => {
            const [t] = freshTargets(d, rng, m, hubs, 1);
            if (t) await d.invite(m, t, rng.pick(notes), 'profile');
          });
        }
      }
      return [steps];
    },
  };
}

/**
 * (c) A peddler: a real-looking, complete profile; gets a foothold with open networkers, then sends a
 * sales pitch to people at 2nd and 3rd degree.
 */
export function peddler(rng: Random, d0: { orgNames: string[] }, footholds = 12, pitchesPerWeek = 50): Adversary {
  const m = newMember('peddler', 'Daniel Reeves', honestIp(rng));
  const [orgA, orgB] = rng.sample(d0.orgNames, 2);
  let withLink = true;
  const pitch = (t: SimMember) => {
    const industry = t.person?.industry.toLowerCase() ?? 'your';
    return `Hi ${first(t)}, I help ${industry} teams add 30% more qualified pipeline in 90 days. Worth a quick 15-minute call this week?${withLink ? ' https://growthbridge.example.com/call' : ''}`;
  };
  const profile = {
    headline: 'Revenue Growth Advisor | Helping B2B teams scale pipeline',
    about: 'I spent ten years in enterprise sales before starting GrowthBridge. We run outbound programs for B2B teams and I coach sales leaders on building repeatable pipeline.',
    location: 'London, United Kingdom',
    industry: 'Software',
    function: 'Sales',
    careerStage: 'senior',
    skills: ['Sales', 'Business Development', 'Lead Generation', 'Negotiation', 'CRM'],
    offers: ['Sales coaching for founders', 'Outbound pipeline programs'],
    asks: [],
    links: [{ label: 'Website', url: 'https://growthbridge.example.com' }],
    experience: [
      { organisation: 'GrowthBridge', title: 'Founder', startDate: '2021-03', endDate: null, description: '' },
      { organisation: orgA ?? 'Acme', title: 'Sales Director', startDate: '2016-01', endDate: '2021-02', description: '' },
      { organisation: orgB ?? 'Globex', title: 'Account Executive', startDate: '2012-06', endDate: '2015-12', description: '' },
    ],
    education: [{ school: 'University of Manchester', degree: 'BA Business', startYear: 2008, endYear: 2011 }],
  };
  return {
    kind: 'peddler',
    members: [m],
    week(w, d) {
      const steps: Step[] = [];
      if (w === 1) {
        steps.push(() => register(d, m, 'daniel.reeves@growthbridge-mail.com', profile));
        const hubs = d.community.hubsByDegree.slice(0, 40).map((id) => d.community.byId.get(id)!);
        for (let i = 0; i < footholds; i++) {
          steps.push(async () => {
            const [t] = freshTargets(d, rng, m, hubs, 1);
            if (t) await d.invite(m, t, `Hi ${first(t)}, always keen to connect with leaders in ${t.person?.industry.toLowerCase() ?? 'the industry'}. Would be great to have you in my network.`);
          });
        }
      }
      for (let i = 0; i < pitchesPerWeek; i++) {
        steps.push(async () => {
          const t = secondOrThirdDegree(d, rng, m) ?? freshTargets(d, rng, m, d.community.people, 1)[0];
          if (!t) return;
          const a = await d.invite(m, t, pitch(t), 'search');
          if (a.code === 'note_links_not_allowed') withLink = false;
        });
      }
      return [steps];
    },
  };
}

/** Someone two or three hops from the member over the connections known at the start of the round. */
function secondOrThirdDegree(d: Driver, rng: Random, from: SimMember): SimMember | null {
  const adj = d.community.adjacency;
  const mine = [...(adj.get(from.id) ?? [])];
  if (mine.length === 0) return null;
  for (let tries = 0; tries < 30; tries++) {
    let at = rng.pick(mine);
    const hops = rng.chance(0.6) ? 1 : 2;
    for (let h = 0; h < hops; h++) {
      const next = [...(adj.get(at) ?? [])];
      if (next.length === 0) break;
      at = rng.pick(next);
    }
    const t = d.community.byId.get(at);
    if (t && t.id !== from.id && !adj.get(from.id)?.has(t.id) && !d.taken(from.id, t.id)) return t;
  }
  return null;
}

/** (d) A moocher: connects widely and every note asks for something; a profile of asks and no offers. */
export function moocher(rng: Random, perWeek = 40): Adversary {
  const m = newMember('moocher', 'Sam Patel', honestIp(rng));
  const asks = [
    (t: SimMember, org: string) => `Hi ${first(t)}, could you refer me for an open role at ${org}? I'd really appreciate it.`,
    (t: SimMember, org: string) => `Hello ${first(t)}! Can you introduce me to the hiring manager at ${org}?`,
    (t: SimMember) => `Hi ${first(t)}, I'm looking for a job in product. Could you help me find something or put in a word for me?`,
    (t: SimMember) => `${first(t)}, would you review my startup pitch deck and introduce me to investors you know?`,
    (t: SimMember, org: string) => `Hi ${first(t)}, any openings at ${org}? Could you share my CV with your team?`,
    (t: SimMember) => `Hey ${first(t)}, can you help me get an interview? I'm looking for work and would be grateful for a referral.`,
  ];
  const profile = {
    headline: 'Aspiring Product Manager | Open to opportunities',
    about: 'Looking for my next opportunity in product management. Always happy to connect.',
    location: 'Berlin, Germany',
    careerStage: 'early',
    skills: ['Product Management', 'Agile'],
    asks: ['Referrals for product roles', 'Introductions to investors', 'Feedback on my startup idea'],
    offers: [],
    education: [{ school: 'Humboldt University of Berlin', degree: 'BA Economics', startYear: 2017, endYear: 2020 }],
  };
  return {
    kind: 'moocher',
    members: [m],
    week(w, d) {
      const steps: Step[] = [];
      if (w === 1) steps.push(() => register(d, m, 'sam.patel.pm@gmail.com', profile));
      // Favour senior people at large organisations: those who can hire or introduce.
      const senior = d.community.people.filter((p) => p.person && ['senior', 'executive'].includes(p.person.careerStage));
      for (let i = 0; i < perWeek; i++) {
        steps.push(async () => {
          const t = (rng.chance(0.3) ? secondOrThirdDegree(d, rng, m) : null) ?? freshTargets(d, rng, m, rng.chance(0.7) ? senior : d.community.people, 1)[0];
          if (!t) return;
          const orgIndex = t.person?.organisations[0];
          const org = orgIndex === undefined ? 'your company' : d.community.demo.organisations[orgIndex]!.name;
          await d.invite(m, t, rng.pick(asks)(t, org), rng.chance(0.5) ? 'search' : 'suggestion');
        });
      }
      return [steps];
    },
  };
}

/**
 * (e) Connect, then pitch: an aged account (a year old, bought or revived) with a complete, plausible
 * profile at two of the community's larger organisations. Every week it sends polite invitations, each a
 * personal-looking note, to former colleagues and to people two or three hops away; then, once a day, it
 * pitches every new connection it has not pitched yet, by message, with one template ("Hi {first}, thanks
 * for connecting! … worth a quick 15-minute call?") and a link. What is measured is its pitches: reaching
 * the recipient's inbox, or stopped (Requests, not delivered, or refused by the API).
 *
 * The account's age is the one thing not done through the API: after signing up it is dated a year back in
 * the database, as an account that has been around would be. A new account's messages already wait in
 * Requests by default (the new-account filter), which would stop every pitch whatever the detection did.
 */
export function connectThenPitch(rng: Random, d0: { orgMembers: Map<number, number[]>; orgNames: string[] }, invitesPerWeek = 25): Adversary {
  const m = newMember('pitcher', 'Marco Bellini', honestIp(rng));
  // Two of the ten largest organisations: many former colleagues to reach politely.
  const largest = [...d0.orgMembers].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).slice(0, 10);
  const [orgA, orgB] = rng.sample(largest, 2).map(([index]) => index);
  const orgName = (index: number | undefined) => (index === undefined ? 'Acme' : d0.orgNames[index] ?? 'Acme');
  const pitched = new Set<number>();
  const pitch = (t: SimMember) => {
    const industry = t.person?.industry.toLowerCase() ?? 'your';
    return `Hi ${first(t)}, thanks for connecting! Quick one: we help ${industry} teams cut their cloud costs by 30% in 90 days. Worth a quick 15-minute call this week? https://cloudtrim.example.com/demo`;
  };
  const profile = {
    headline: 'Partnerships | Helping teams spend less on the cloud',
    about: 'Twelve years in technology partnerships. These days I help engineering and finance teams understand and reduce their cloud bills.',
    location: 'Milan, Italy',
    industry: 'Software',
    function: 'Sales',
    careerStage: 'mid',
    skills: ['Partnerships', 'Cloud Computing', 'FinOps', 'Negotiation', 'Business Development'],
    offers: ['Cloud cost reviews'],
    asks: [],
    experience: [
      { organisation: 'CloudTrim', title: 'Head of Partnerships', startDate: '2023-02', endDate: null, description: '' },
      { organisation: orgName(orgA), title: 'Partner Manager', startDate: '2018-04', endDate: '2023-01', description: '' },
      { organisation: orgName(orgB), title: 'Account Manager', startDate: '2013-09', endDate: '2018-03', description: '' },
    ],
    education: [{ school: 'Bocconi University', degree: 'MSc Management', startYear: 2010, endYear: 2012 }],
  };
  const colleagues = (d: Driver) =>
    [orgA, orgB].flatMap((o) => (o === undefined ? [] : (d0.orgMembers.get(o) ?? []))).map((index) => d.community.people[index]).filter((p): p is SimMember => !!p);
  return {
    kind: 'pitcher',
    members: [m],
    week(w, d) {
      const steps: Step[] = [];
      if (w === 1) {
        steps.push(async () => {
          await register(d, m, 'marco.bellini@cloudtrim-mail.com', profile);
          if (m.id === 0) return;
          await d.database.db.execute(sql`UPDATE members SET created_at = now() - interval '400 days' WHERE id = ${m.id}`);
        });
      }
      for (let i = 0; i < invitesPerWeek; i++) {
        steps.push(async () => {
          const t = (rng.chance(0.6) ? freshTargets(d, rng, m, colleagues(d), 1)[0] : null) ?? secondOrThirdDegree(d, rng, m) ?? freshTargets(d, rng, m, colleagues(d), 1)[0];
          if (!t) return;
          const shared = t.person?.organisations.find((o) => o === orgA || o === orgB);
          const note = personalNote(rng, {
            first: first(t),
            shared: shared === undefined ? null : { kind: 'org', name: orgName(shared) },
            detail: t.person?.industry ?? 'your work',
            myRole: 'partnerships',
          });
          await d.invite(m, t, note, rng.chance(0.5) ? 'search' : 'profile');
        });
        // Once a day or so, a message to every connection made since the last round.
        if (i % 4 === 3) {
          steps.push(async () => {
            if (!m.auth) return;
            const mine = await rows<{ id: number }>(d.database.db, sql`SELECT other_id AS id FROM connections WHERE member_id = ${m.id} ORDER BY other_id`);
            for (const { id } of mine) {
              const t = d.member(id);
              if (!t?.honest || pitched.has(id)) continue;
              pitched.add(id);
              await d.message(m, t, pitch(t));
            }
          });
        }
      }
      return [steps];
    },
  };
}
