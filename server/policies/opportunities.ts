/**
 * Who an opportunity may be linked to: any active member except myself and anyone across a block (either
 * way). A suspended or deleted member, one who blocked me and a handle nobody has all answer the same 400, so
 * the log cannot be used to learn who blocked whom. The log itself is private: only its member reads or
 * changes it (every read and write is keyed by the member's own id).
 */
import { AppError, badRequest } from '../errors.ts';

export interface LinkedPersonFacts {
  id: number;
  status: string;
}

export function opportunityPersonRefusal(
  memberId: number,
  avoid: ReadonlySet<number>,
  handle: string,
  position: number,
  person: LinkedPersonFacts | undefined,
): AppError | null {
  if (!person || person.id === memberId || person.status !== 'active' || avoid.has(person.id)) {
    return badRequest('opportunity_person_unknown', {
      params: { handle },
      errors: [{ path: `body.people.${position}`, code: 'opportunity_person_unknown', key: 'opportunity_person_unknown', params: { handle } }],
    });
  }
  return null;
}
