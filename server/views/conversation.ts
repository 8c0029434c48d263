import type { ConversationSummary, MessageView } from '../../common/schemas/messages.ts';
import type { Actor } from '../auth/actor.ts';
import type { HydratedConversation } from '../hydration/conversations.ts';
import type { HydratedPerson } from '../hydration/people.ts';
import { conversationAbilities } from '../policies/messages.ts';
import type { ConversationRow } from '../queries/messages/conversations.ts';
import type { MessageRow } from '../queries/messages/messages.ts';
import { mediaUrl } from './media.ts';
import { presentPersonCard } from './person-card.ts';

/** A conversation as its member sees it. `dropped` never reaches here: such a conversation does not exist for them. */
export function presentConversation(actor: Actor, { row, members }: HydratedConversation): ConversationSummary {
  const handleOf = new Map(members.map((m) => [m.record.id, m.record.handle]));
  handleOf.set(actor.id, actor.handle);
  const last = row.last;
  return {
    id: row.id,
    kind: row.kind,
    members: members.map((m) => presentPersonCard(actor, m)),
    lastMessage: last && (last.senderDeleted || handleOf.has(last.senderId)) ? presentPreview(actor, last, handleOf.get(last.senderId) ?? null) : null,
    peerDeleted: row.peerDeleted === true,
    lastActivityAt: (last?.createdAt ?? row.createdAt).toISOString(),
    unreadCount: row.unread,
    folder: row.folder === 'requests' ? 'requests' : 'inbox',
    muted: row.muted,
    archived: row.archived,
    warnings: row.warnings,
    abilities: conversationAbilities(actor.status === 'active', row),
  };
}

/** The last message as a list shows it; a deleted member's is a tombstone naming nobody. */
function presentPreview(actor: Actor, last: NonNullable<ConversationRow['last']>, handle: string | null): ConversationSummary['lastMessage'] {
  const deleted = last.senderDeleted;
  return {
    id: last.id,
    senderHandle: deleted ? null : handle,
    mine: last.senderId === actor.id,
    text: deleted ? '' : last.text,
    createdAt: last.createdAt.toISOString(),
    removed: last.removed,
    deleted,
  };
}

/** One message; a deleted member's is a tombstone: no sender, no text, link or image. */
export function presentMessage(actor: Actor, { message, sender }: { message: MessageRow; sender: HydratedPerson | null }): MessageView {
  const deleted = sender === null;
  return {
    id: message.id,
    conversationId: message.conversationId,
    sender: sender && presentPersonCard(actor, sender),
    mine: message.senderId === actor.id,
    text: deleted ? '' : message.text,
    createdAt: message.createdAt.toISOString(),
    link: message.linkUrl && !deleted ? { url: message.linkUrl } : null,
    image: deleted ? null : message.image && { ...message.image, url: mediaUrl(message.image.id) },
    removed: message.removed,
    deleted,
  };
}
