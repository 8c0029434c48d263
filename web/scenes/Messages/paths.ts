import { useSearchParams } from 'react-router';
import type { ConversationList, ConversationSummary } from '../../api/messages.ts';

export const FOLDERS: readonly ConversationList[] = ['inbox', 'requests', 'archived'];

export const isFolder = (value: string | null): value is ConversationList => FOLDERS.includes(value as ConversationList);

/** The list shown beside a conversation lives in the URL (?folder=requests), so it survives a reload and a link. */
export function useFolder(): ConversationList {
  const [params] = useSearchParams();
  const folder = params.get('folder');
  return isFolder(folder) ? folder : 'inbox';
}

export const folderQuery = (folder: ConversationList): string => (folder === 'inbox' ? '' : `?folder=${folder}`);

export const conversationPath = (id: number, folder: ConversationList = 'inbox'): string => `/messages/${id}${folderQuery(folder)}`;

/** The list a conversation shows in for its member. */
export const listOf = (c: Pick<ConversationSummary, 'archived' | 'folder'>): ConversationList => (c.archived ? 'archived' : c.folder);
