/** The "ask for context" threads of invitations, oldest message first. */
import { asc, inArray } from 'drizzle-orm';
import type { ThreadMessage } from '../../../common/schemas/screening.ts';
import { invitationMessages } from '../../db/schema.ts';
import { type Lens, loadPersonCards } from './people.ts';

export async function loadThreads(lens: Lens, invitationIds: readonly number[]): Promise<Map<number, ThreadMessage[]>> {
  const out = new Map<number, ThreadMessage[]>();
  if (invitationIds.length === 0) return out;
  const found = await lens.db
    .select()
    .from(invitationMessages)
    .where(inArray(invitationMessages.invitationId, [...invitationIds]))
    .orderBy(asc(invitationMessages.id));
  if (found.length === 0) return out;
  // The authors are the invitation's two members, so blocks never hide one from the other here.
  const cards = await loadPersonCards({ ...lens, avoid: new Set() }, [...new Set(found.map((m) => m.authorId))]);
  const cardOf = new Map(cards.map((c) => [c.id, c]));
  for (const m of found) {
    const author = cardOf.get(m.authorId);
    if (!author) continue;
    const list = out.get(m.invitationId) ?? [];
    list.push({ id: m.id, author, body: m.body, createdAt: m.createdAt.toISOString() });
    out.set(m.invitationId, list);
  }
  return out;
}
