import type { InvitationContext } from '../../server/db/schema.ts';
import type { Random } from '../../scripts/demo/generate.ts';
import type { SimMember } from './actors.ts';
import type { Community } from './community.ts';
import { type NoteFacts, personalNote } from './notes.ts';

/**
 * How honest members behave: whom they invite (people they share an organisation, a school or mutual
 * connections with, and now and then a weak tie), whether they write a note, and how they answer what
 * arrives, judged from the evidence card the API returns with each received invitation.
 */

export interface Traits {
  /** About half of members write personal notes. */
  writesNotes: boolean;
  /** Chance of sending invitations in a given week. */
  weeklyActivity: number;
  /** Added to the bar an invitation must clear to be accepted (0 easy-going … 1.5 very selective). */
  selectivity: number;
  /** Chance of opening their invitations in a given week. */
  checksInbox: number;
}

const STAGE_ACTIVITY = { student: 0.9, early: 1.1, mid: 1, senior: 1, executive: 0.8, retired: 0.4 } as const;

export function honestTraits(rng: Random, m: SimMember): Traits {
  const p = m.person;
  const effort = !p ? 1 : p.completeness === 'complete' ? 1.3 : p.completeness === 'sparse' ? 0.6 : 1;
  return {
    writesNotes: rng.chance(0.5),
    weeklyActivity: Math.min(0.6, 0.11 * effort * (p ? STAGE_ACTIVITY[p.careerStage] : 1) * (0.5 + rng.next())),
    selectivity: rng.next() * 1.5,
    checksInbox: 0.55 + rng.next() * 0.4,
  };
}

export interface Target {
  member: SimMember;
  context: InvitationContext;
  facts: NoteFacts['shared'];
}

const firstName = (m: SimMember) => m.name.split(' ')[0] ?? m.name;

/** A note for an invitation, if this member writes them. */
export function noteFor(rng: Random, from: SimMember, target: Target, alwaysWrites = false, writesNotes = true): string {
  if (!alwaysWrites && !writesNotes) return '';
  const p = target.member.person;
  const detail = p ? rng.pick([...(p.profile.skills as string[] | undefined ?? []), p.function, p.industry]) : 'your work';
  return personalNote(rng, {
    first: firstName(target.member),
    shared: target.facts,
    detail: detail ?? 'your work',
    myRole: from.person?.function ?? 'professional',
  });
}

/**
 * Picks someone to invite: a friend of friends (the more mutual connections the likelier), a colleague
 * from a past or present organisation, a schoolmate, or now and then a weak tie in the same city or
 * industry. Skips people already connected or invited, and never picks an adversary (honest people do
 * not know them).
 */
export function pickTarget(rng: Random, community: Community, from: SimMember, taken: (a: number, b: number) => boolean): Target | null {
  const p = from.person;
  const ok = (m: SimMember | undefined): m is SimMember => !!m && m.id !== from.id && m.honest && !taken(from.id, m.id) && !community.adjacency.get(from.id)?.has(m.id);
  for (let attempt = 0; attempt < 6; attempt++) {
    const roll = rng.next();
    if (roll < 0.45) {
      const t = friendOfFriend(rng, community, from, ok);
      if (t) return t;
    } else if (roll < 0.75 && p && p.organisations.length) {
      const org = rng.pick(p.organisations);
      const m = community.people[rng.pick(community.orgMembers.get(org) ?? [p.index])];
      if (ok(m)) return { member: m, context: rng.chance(0.5) ? 'profile' : 'search', facts: { kind: 'org', name: community.demo.organisations[org]!.name } };
    } else if (roll < 0.85 && p) {
      const m = community.people[rng.pick(community.schoolMembers.get(p.school) ?? [p.index])];
      if (ok(m)) return { member: m, context: 'search', facts: { kind: 'school', name: p.school } };
    } else if (p) {
      // A weak tie: someone in the same city or industry they met at an event or read about.
      const m = rng.pick(community.people);
      if (ok(m) && m.person && (m.person.city === p.city || m.person.industry === p.industry)) {
        const facts: Target['facts'] = m.person.city === p.city ? { kind: 'city', name: p.city } : { kind: 'industry', name: p.industry };
        return { member: m, context: rng.chance(0.5) ? 'profile' : 'search', facts };
      }
    }
  }
  return null;
}

function friendOfFriend(rng: Random, community: Community, from: SimMember, ok: (m: SimMember | undefined) => m is SimMember): Target | null {
  const mine = [...(community.adjacency.get(from.id) ?? [])];
  if (mine.length === 0) return null;
  const counts = new Map<number, { n: number; via: number }>();
  for (const friend of rng.sample(mine, Math.min(25, mine.length))) {
    const theirs = [...(community.adjacency.get(friend) ?? [])];
    for (const fof of rng.sample(theirs, Math.min(25, theirs.length))) {
      const c = counts.get(fof);
      if (c) c.n++;
      else counts.set(fof, { n: 1, via: friend });
    }
  }
  const options = [...counts].filter(([id]) => ok(community.byId.get(id)));
  if (options.length === 0) return null;
  const [id, { via }] = rng.weighted(options, ([, c]) => c.n * c.n);
  const mutual = community.byId.get(via);
  return {
    member: community.byId.get(id)!,
    context: rng.chance(0.5) ? 'suggestion' : 'profile',
    facts: mutual ? { kind: 'mutual', name: mutual.name } : null,
  };
}

/** The evidence card (common/schemas/screening.ts invitationEvidence), as far as the decision uses it. */
interface Evidence {
  degree: number | null;
  mutuals: { count: number };
  shared: { organisations: unknown[]; schools: unknown[]; place: string | null; industry: string | null };
  note: { kind: 'none' | 'short' | 'stock' | 'template' | 'personal' };
  offers: string[];
  asks: string[];
  profileStrength: number;
  accountAgeDays: number;
  history: { acceptanceRate: number | null; dontKnowRate: number | null };
  reports: number;
  risk: { score: number; reasons: string[] };
}

export interface ReceivedItem {
  id: number;
  note: string;
  from: { id: number; handle: string; degree: number | null; mutualCount: number | null };
  screening?: { evidence?: Evidence; folder?: string } | null;
  folder?: string;
}

export type Answer = 'accept' | 'ignore' | 'dont-know';

export interface Judgement {
  answer: Answer;
  /** Worth reporting as spam as well. */
  report: boolean;
  usedEvidence: boolean;
}

/**
 * Accept, ignore or "I don't know this person", from what the card shows. With the evidence card: mutual
 * connections and shared organisations count most, then a personal note; a template note, a high risk
 * score, a poor acceptance record, reports and a thin new profile count against. Without it (an older
 * server), only the degree, mutual count and whether there is a note.
 */
export function judge(rng: Random, traits: Traits, item: ReceivedItem): Judgement {
  const ev = item.screening?.evidence;
  let s: number;
  let known: boolean;
  let spammy = false;
  if (ev) {
    const mutuals = Math.min(ev.mutuals.count, 8);
    const shared = Math.min(ev.shared.organisations.length + ev.shared.schools.length, 2);
    s = -1.6 + 0.55 * mutuals + 1.8 * shared + (ev.shared.place ? 0.3 : 0) + (ev.shared.industry ? 0.3 : 0);
    s += ev.note.kind === 'personal' ? 1 : ev.note.kind === 'template' ? -1.5 : -0.3;
    s -= ev.risk.score / 20;
    if (ev.history.acceptanceRate !== null && ev.history.acceptanceRate < 0.3) s -= 1;
    if (ev.history.dontKnowRate !== null && ev.history.dontKnowRate > 0.2) s -= 1;
    s -= 1.5 * Math.min(ev.reports, 3);
    if (ev.profileStrength < 30) s -= 0.7;
    if (ev.asks.length > 0 && ev.offers.length === 0) s -= 0.3;
    known = ev.mutuals.count > 0 || shared > 0;
    spammy = ev.note.kind === 'template' || ev.risk.score >= 60 || ev.reports > 0;
  } else {
    const mutuals = Math.min(item.from.mutualCount ?? 0, 8);
    s = -1.6 + 0.55 * mutuals + (item.note ? 0.8 : 0) + (item.from.degree === 2 ? 0.4 : 0);
    known = mutuals > 0;
  }
  s -= traits.selectivity;
  const pAccept = 1 / (1 + Math.exp(-s));
  if (rng.chance(pAccept)) return { answer: 'accept', report: false, usedEvidence: !!ev };
  const personal = ev ? ev.note.kind === 'personal' : item.note.length > 0;
  if (!known && rng.chance(personal ? 0.25 : 0.6)) {
    return { answer: 'dont-know', report: !known && spammy && rng.chance(0.25), usedEvidence: !!ev };
  }
  return { answer: 'ignore', report: false, usedEvidence: !!ev };
}

/** Typical selective rule sets (screeningPolicy in common/schemas/screening.ts). */
const SELECTIVE_RULES = [
  {
    rules: [
      { when: { hasNote: true, minMutuals: 2 }, then: 'inbox' },
      { when: { sharedOrgOrSchool: true }, then: 'inbox' },
    ],
    otherwise: 'other',
  },
  {
    rules: [
      { when: { minMutuals: 5, maxRisk: 30 }, then: 'accept' },
      { when: { maxDegree: 2, maxRisk: 60 }, then: 'inbox' },
    ],
    otherwise: 'other',
  },
  {
    rules: [
      { when: { hasNote: true, maxRisk: 50 }, then: 'inbox' },
      { when: { minMutuals: 3 }, then: 'inbox' },
    ],
    otherwise: 'other',
  },
  {
    rules: [
      { when: { sharedOrgOrSchool: true, maxRisk: 40 }, then: 'accept' },
      { when: { minProfileStrength: 40, maxDegree: 2 }, then: 'inbox' },
    ],
    otherwise: 'other',
  },
] as const;

/** 20% open, 40% selective with one of the typical rule sets, 40% manual; a few accept only 2nd degree. */
export function honestPolicy(rng: Random): Record<string, unknown> {
  const roll = rng.next();
  const whoCanInvite = rng.chance(0.08) ? 'second_degree' : 'everyone';
  if (roll < 0.2) return { mode: 'open', whoCanInvite, rules: [], otherwise: 'inbox' };
  if (roll < 0.6) {
    const set = rng.pick(SELECTIVE_RULES);
    return { mode: 'selective', whoCanInvite, rules: set.rules, otherwise: set.otherwise };
  }
  return { mode: 'manual', whoCanInvite, rules: [], otherwise: 'inbox' };
}
