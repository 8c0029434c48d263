import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type ConversationAction, type ConversationSummary, messagesApi } from '../../api/messages.ts';

/** What each change to one's own view of a conversation announces once saved (reading is silent). */
const SAID: Partial<Record<ConversationAction, 'conversation.archived' | 'conversation.unarchived' | 'conversation.muted' | 'conversation.unmuted' | 'request.accepted'>> = {
  archive: 'conversation.archived',
  unarchive: 'conversation.unarchived',
  mute: 'conversation.muted',
  unmute: 'conversation.unmuted',
  accept: 'request.accepted',
};

/**
 * Accept, archive, mute, read and their undoing, on one conversation: the answer is the conversation as it is
 * now, so it replaces the cached one at once; the lists and the header badge reload behind it.
 */
export function useConversationAction(onDone?: (action: ConversationAction, updated: ConversationSummary) => void) {
  const { t } = useTranslation('messages');
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: ConversationAction }) => messagesApi.act(id, action),
    onSuccess: async (updated, { action }) => {
      client.setQueryData(keys.conversation(updated.id), updated);
      const said = SAID[action];
      if (said) notifications.show({ color: 'teal', message: t(said) });
      onDone?.(action, updated);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['conversations', 'list'] }),
        client.invalidateQueries({ queryKey: keys.conversationsUnread }),
      ]);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}

/** Delete for me: the conversation leaves the viewer's lists, and its cached pages go with it. */
export function useDeleteForMe(onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => messagesApi.remove(id),
    onSuccess: async (_, id) => {
      onDeleted();
      client.removeQueries({ queryKey: keys.conversation(id) });
      client.removeQueries({ queryKey: keys.conversationMessages(id) });
      await client.invalidateQueries({ queryKey: keys.conversations });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}
