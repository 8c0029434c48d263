import type { Random } from '../../scripts/demo/generate.ts';
import type { SimMember } from './actors.ts';
import { personalNote } from './notes.ts';

/**
 * Messages honest members write to a new connection right after they connect: the case connect-then-pitch
 * detection must leave alone. A third of them are a stock thank-you, alike from everyone; the rest are a
 * few words of the writer's own, built as personal notes are (notes.ts).
 */

/** The share of accepted invitations after which the inviter writes to their new connection. */
export const WELCOME_SHARE = 0.3;

const THANKS = [
  'Thanks for accepting, {first}!',
  'Great to be connected, {first}.',
  'Thank you for connecting, {first}!',
  'Glad we are connected now, {first}. Speak soon!',
];

const first = (m: SimMember) => m.name.split(' ')[0] ?? m.name;

export function welcomeMessage(rng: Random, from: SimMember, to: SimMember): string {
  if (rng.chance(1 / 3)) return rng.pick(THANKS).replace('{first}', first(to));
  const shared = from.person && to.person && from.person.city === to.person.city ? { kind: 'city' as const, name: to.person.city } : null;
  return personalNote(rng, {
    first: first(to),
    shared,
    detail: to.person?.industry ?? 'your field',
    myRole: from.person?.function ?? 'colleague',
  });
}
