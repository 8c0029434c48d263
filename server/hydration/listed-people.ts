import type { Lens } from '../viewer/viewer.ts';
import { type HydratedPerson, hydratePeople } from './people.ts';

/**
 * One person on a skeleton page: their id, and what the list itself says about them (when the connection
 * was made, when they followed, their role at an organisation), which the list's query reads with the ids.
 */
export interface Listed<E> {
  id: number;
  extra: E;
}

/** A listed person hydrated: the person as the viewer sees them, and what the list says about them. */
export interface HydratedListed<E> {
  person: HydratedPerson;
  extra: E;
}

/**
 * Hydrates the people of a skeleton page in one batch (hydratePeople) and pairs each with what the list says
 * about them, in the page's order. Someone hydration leaves out (suspended or blocked since the page was
 * read) is dropped from the page rather than shown half-loaded.
 */
export async function hydrateListed<E>(
  viewer: Lens,
  page: readonly Listed<E>[],
  options: Parameters<typeof hydratePeople>[2] = {},
): Promise<HydratedListed<E>[]> {
  const people = new Map((await hydratePeople(viewer, page.map((l) => l.id), options)).map((p) => [p.record.id, p]));
  return page.flatMap(({ id, extra }) => {
    const person = people.get(id);
    return person ? [{ person, extra }] : [];
  });
}
