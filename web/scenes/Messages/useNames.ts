import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../api/messages.ts';
import { useFormat } from '../../i18n/format.ts';

/** The other members of a conversation as one phrase ("Ana Ruiz, Li Wei e Bo"), in the reader's language. */
export function useNames(conversation: Pick<ConversationSummary, 'members'>): string {
  const { t } = useTranslation('messages');
  const format = useFormat();
  const names = conversation.members.map((m) => m.name);
  return names.length > 0 ? format.list(names) : t('conversation.nobody');
}
