import type { Random } from '../../scripts/demo/generate.ts';

/**
 * Personal notes as people write them: each refers to what the two share and to the recipient, and the
 * same writer varies their wording, so a careful writer's notes are not templates even when they send many.
 */

export interface NoteFacts {
  first: string;
  /** What brought them together, if anything. */
  shared:
    | { kind: 'org'; name: string }
    | { kind: 'school'; name: string }
    | { kind: 'mutual'; name: string }
    | { kind: 'city'; name: string }
    | { kind: 'industry'; name: string }
    | null;
  /** Something of theirs the writer noticed: a skill, their role or their organisation. */
  detail: string;
  myRole: string;
}

const OPENERS = ['Hi {first},', 'Hello {first},', '{first} —', 'Hey {first}!', 'Dear {first},', 'Good morning {first},', '{first}, hi.', ''];

const BY_SHARED: Record<NonNullable<NoteFacts['shared']>['kind'], string[]> = {
  org: [
    'we overlapped at {name} and I never properly said hello.',
    'I think we both spent time at {name}; I was on the {myRole} side.',
    'a former {name} colleague here.',
    'I still remember the all-hands at {name} where your team presented.',
    'it has been a while since {name}, hope things are going well.',
    'someone at {name} mentioned your name the other day.',
  ],
  school: [
    'fellow {name} alum here.',
    'I think we were at {name} around the same time.',
    'I saw we both studied at {name}.',
    'greetings from another {name} graduate.',
  ],
  mutual: [
    '{name} suggested I reach out to you.',
    '{name} speaks highly of you.',
    'I saw we both know {name}.',
    'I was talking with {name} last week and your name came up.',
    '{name} thought we should meet.',
  ],
  city: [
    'I am also based in {name}.',
    'I noticed you are in {name} too.',
    'always good to meet more people in {name}.',
  ],
  industry: [
    'we both work in {name}.',
    'I am also in {name} and enjoy meeting people across it.',
    'I follow a lot of what happens in {name}.',
  ],
};

const DETAILS = [
  'Your work on {detail} caught my eye.',
  'I would love to hear how you approach {detail}.',
  'I am doing more with {detail} lately and would value your view.',
  'Your background in {detail} is close to what I do as a {myRole}.',
  'Curious what you are working on these days.',
  '',
];

const CLOSERS = [
  'Would be good to stay in touch.',
  'Coffee sometime?',
  'Happy to help if I ever can.',
  'Looking forward to connecting.',
  'Let me know if you are at the next meetup.',
  'Best,',
  'Cheers.',
  '',
];

const fill = (t: string, v: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

/** A personal note: opener, what they share, something about the recipient, and a closer. */
export function personalNote(rng: Random, facts: NoteFacts): string {
  const values = { first: facts.first, name: facts.shared?.name ?? '', detail: facts.detail.toLowerCase(), myRole: facts.myRole.toLowerCase() };
  const parts = [rng.pick(OPENERS)];
  if (facts.shared) parts.push(rng.pick(BY_SHARED[facts.shared.kind]));
  else parts.push(rng.pick(['I came across your profile and liked what I saw.', 'I enjoyed reading your profile.', 'I think we would have a lot to talk about.']));
  if (rng.chance(0.7)) parts.push(rng.pick(DETAILS));
  parts.push(rng.pick(CLOSERS));
  let note = fill(parts.filter(Boolean).join(' '), values);
  note = note.charAt(0).toUpperCase() + note.slice(1);
  return note.slice(0, 300);
}
