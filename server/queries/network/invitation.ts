import { eq } from 'drizzle-orm';
import type { InvitationView } from '../../../common/schemas/network.ts';
import { invitations } from '../../db/schema.ts';
import { type Lens, loadPersonCards } from './people.ts';

/** One invitation as its sender or recipient sees it; null for anyone else. */
export async function loadInvitation(lens: Lens, id: number): Promise<InvitationView | null> {
  const [inv] = await lens.db.select().from(invitations).where(eq(invitations.id, id));
  const me = lens.actor.id;
  if (!inv || (inv.senderId !== me && inv.recipientId !== me)) return null;
  const cards = await loadPersonCards({ ...lens, avoid: new Set() }, [inv.senderId, inv.recipientId]);
  const from = cards.find((c) => c.id === inv.senderId);
  const to = cards.find((c) => c.id === inv.recipientId);
  if (!from || !to) return null;
  return {
    id: inv.id,
    from,
    to,
    note: inv.note,
    context: inv.context,
    // Ignoring is silent: the sender sees "pending".
    status: inv.senderId === me && inv.status === 'ignored' ? 'pending' : inv.status,
    createdAt: inv.createdAt.toISOString(),
    expiresAt: inv.expiresAt.toISOString(),
  };
}
