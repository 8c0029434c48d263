import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../api/messages.ts';
import { useFormat } from '../../i18n/format.ts';

/**
 * The other members of a conversation as one phrase ("Ana Ruiz, Li Wei e Bo"), in the reader's language;
 * "Deleted member" for a one-to-one whose other member deleted their account.
 */
export function useNames(conversation: Pick<ConversationSummary, 'members' | 'peerDeleted'>): string {
  const { t } = useTranslation('messages');
  const format = useFormat();
  const names = conversation.members.map((m) => m.name);
  if (conversation.peerDeleted) return t('conversation.deletedMember');
  return names.length > 0 ? format.list(names) : t('conversation.nobody');
}
