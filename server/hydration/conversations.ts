import type { ConversationRow } from '../queries/messages/conversations.ts';
import type { MessageRow } from '../queries/messages/messages.ts';
import type { Lens } from '../viewer/viewer.ts';
import { type HydratedPerson, hydratePeople } from './people.ts';

/** A conversation row with the people it shows, hydrated for the viewer. */
export interface HydratedConversation {
  row: ConversationRow;
  /** The other members the viewer may see, in the order they joined. */
  members: HydratedPerson[];
}

/**
 * Hydrates a page of conversations in one batch: every member of every conversation on the page in one
 * hydratePeople call (one statement, one graph call for degrees, one for mutual counts), so 20 conversations
 * cost what 2 do. Members hydration leaves out (suspended, or either side of a block) are not shown.
 */
export async function hydrateConversations(viewer: Lens, page: readonly ConversationRow[]): Promise<HydratedConversation[]> {
  const people = new Map((await hydratePeople(viewer, page.flatMap((c) => c.memberIds))).map((p) => [p.record.id, p]));
  return page.map((row) => ({ row, members: row.memberIds.flatMap((id) => people.get(id) ?? []) }));
}

/**
 * A page of messages with their senders, hydrated in one batch; a message whose sender is not shown is left
 * out, except a deleted member's: a tombstone with no sender (null).
 */
export async function hydrateMessages(viewer: Lens, page: readonly MessageRow[]): Promise<{ message: MessageRow; sender: HydratedPerson | null }[]> {
  const people = new Map((await hydratePeople(viewer, page.flatMap((m) => (m.senderDeleted ? [] : [m.senderId])))).map((p) => [p.record.id, p]));
  return page.flatMap((message): { message: MessageRow; sender: HydratedPerson | null }[] => {
    if (message.senderDeleted) return [{ message, sender: null }];
    const sender = people.get(message.senderId);
    return sender ? [{ message, sender }] : [];
  });
}
