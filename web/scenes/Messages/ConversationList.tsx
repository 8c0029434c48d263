import { Badge, Group, Tabs, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { keys } from '../../api/keys.ts';
import { type ConversationList as Folder, messagesApi } from '../../api/messages.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { ConversationItem } from './ConversationItem.tsx';
import { FOLDERS, isFolder, useFolder } from './paths.ts';

/**
 * The folders as tabs (Inbox and Requests with their counts, Archived) over the conversations of the one
 * chosen. Choosing a folder changes only ?folder=, so a conversation open beside the list stays open.
 */
export function ConversationList({ activeId }: { activeId: number }) {
  const { t } = useTranslation('messages');
  const folder = useFolder();
  const [params, setParams] = useSearchParams();
  const counts = useQuery({ queryKey: keys.conversationsUnread, queryFn: messagesApi.unread }).data;
  const choose = (value: string | null) => {
    if (!isFolder(value)) return;
    const next = new URLSearchParams(params);
    if (value === 'inbox') next.delete('folder');
    else next.set('folder', value);
    setParams(next, { replace: true });
  };
  const count = (f: Folder) => (f === 'inbox' ? counts?.inbox : f === 'requests' ? counts?.requests : 0) ?? 0;
  return (
    // Narrow tabs, so the three fit on one line in the list pane in Italian too.
    <Tabs value={folder} onChange={choose} styles={{ tab: { paddingInline: 'var(--mantine-spacing-xs)' } }}>
      <Tabs.List aria-label={t('folders.label')} mb="xs" grow>
        {FOLDERS.map((f) => (
          <Tabs.Tab key={f} value={f}>
            <Group gap={6} wrap="nowrap" component="span">
              {t(`folders.${f}`)}
              {count(f) > 0 && (
                <>
                  <Badge size="sm" circle={count(f) < 10} color={f === 'inbox' ? 'red' : 'gray'} aria-hidden>
                    {count(f) > 99 ? '99+' : count(f)}
                  </Badge>
                  <VisuallyHidden> {t(f === 'inbox' ? 'folders.unread' : 'folders.waiting', { count: count(f) })}</VisuallyHidden>
                </>
              )}
            </Group>
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {FOLDERS.map((f) => (
        <Tabs.Panel key={f} value={f}>
          {f === folder && <FolderList folder={f} activeId={activeId} />}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function FolderList({ folder, activeId }: { folder: Folder; activeId: number }) {
  const { t } = useTranslation('messages');
  const query = usePagedQuery(keys.conversationList(folder), (cursor) => messagesApi.list(folder, cursor));
  return (
    <PagedList
      query={query}
      label={t(`list.${folder}`)}
      loadingLabel={t('list.loading')}
      empty={<EmptyFolder folder={folder} />}
      renderItem={(c) => <ConversationItem conversation={c} folder={folder} active={c.id === activeId} />}
    />
  );
}

/** Every empty folder says what it is for and leads somewhere. */
function EmptyFolder({ folder }: { folder: Folder }) {
  const { t } = useTranslation('messages');
  const steps = {
    inbox: [
      { to: '/members', label: t('empty.inbox.find') },
      { to: '/messages/new', label: t('empty.inbox.new') },
    ],
    requests: [{ to: '/settings#message-settings', label: t('empty.requests.settings') }],
    archived: [{ to: '/messages', label: t('empty.archived.inbox') }],
  }[folder];
  return (
    <EmptyState title={t(`empty.${folder}.title`)} action={<NextSteps steps={steps} />}>
      {t(`empty.${folder}.body`)}
    </EmptyState>
  );
}
