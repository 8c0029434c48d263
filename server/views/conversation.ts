import type { ConversationSummary, MessageView } from '../../common/schemas/messages.ts';
import type { Actor } from '../auth/actor.ts';
import type { HydratedConversation } from '../hydration/conversations.ts';
import type { HydratedPerson } from '../hydration/people.ts';
import { conversationAbilities } from '../policies/messages.ts';
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
    lastMessage:
      last && handleOf.has(last.senderId)
        ? { id: last.id, senderHandle: handleOf.get(last.senderId)!, mine: last.senderId === actor.id, text: last.text, createdAt: last.createdAt.toISOString(), removed: last.removed }
        : null,
    lastActivityAt: (last?.createdAt ?? row.createdAt).toISOString(),
    unreadCount: row.unread,
    folder: row.folder === 'requests' ? 'requests' : 'inbox',
    muted: row.muted,
    archived: row.archived,
    warnings: row.warnings,
    abilities: conversationAbilities(actor.status === 'active', row),
  };
}

export function presentMessage(actor: Actor, { message, sender }: { message: MessageRow; sender: HydratedPerson }): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    sender: presentPersonCard(actor, sender),
    mine: message.senderId === actor.id,
    text: message.text,
    createdAt: message.createdAt.toISOString(),
    link: message.linkUrl ? { url: message.linkUrl } : null,
    image: message.image && { ...message.image, url: mediaUrl(message.image.id) },
    removed: message.removed,
  };
}
