import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { InvitationFolder } from '../../api/screening.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { useInvitationFolders, useInvitations } from '../../hooks/useInvitations.ts';
import { PagedList } from './PagedList.tsx';
import { ReceivedInvitationCard } from './ReceivedInvitationCard.tsx';

const FOLDERS: InvitationFolder[] = ['inbox', 'other'];
const FOLDER_NAMES: Record<InvitationFolder, string> = { inbox: 'Inbox', other: 'Other' };

/**
 * Received invitations in two folders: the inbox, and "Other", where the member's screening rules (or the
 * platform) set aside the ones to look at later. The folder lives in the URL (?folder=other).
 */
export function ReceivedInvitations() {
  const [params, setParams] = useSearchParams();
  const folder: InvitationFolder = params.get('folder') === 'other' ? 'other' : 'inbox';
  const counts = useInvitationFolders().data;
  const choose = (v: string | null) => {
    if (v !== 'inbox' && v !== 'other') return;
    const next = new URLSearchParams(params);
    if (v === 'inbox') next.delete('folder');
    else next.set('folder', v);
    setParams(next, { replace: true });
  };
  return (
    <Tabs value={folder} onChange={choose} variant="pills" keepMounted={false}>
      <Tabs.List aria-label="Invitation folders" mb="sm">
        {FOLDERS.map((f) => (
          <Tabs.Tab key={f} value={f}>
            {counts ? `${FOLDER_NAMES[f]} (${counts[f]})` : FOLDER_NAMES[f]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {FOLDERS.map((f) => (
        <Tabs.Panel key={f} value={f}>
          <FolderList folder={f} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

const EMPTY: Record<InvitationFolder, { title: string; text: string }> = {
  inbox: {
    title: 'No pending invitations',
    text: 'When someone invites you to connect, their invitation, their note and the evidence behind it appear here. Meanwhile, invite the people you know.',
  },
  other: {
    title: 'Nothing in Other',
    text: 'Invitations your screening rules or the platform set aside appear here. You can still accept them.',
  },
};

function FolderList({ folder }: { folder: InvitationFolder }) {
  const query = useInvitations('received', folder);
  return (
    <PagedList
      query={query}
      label={folder === 'inbox' ? 'Invitations received' : 'Invitations in Other'}
      loadingLabel="Loading invitations…"
      empty={
        <EmptyState
          title={EMPTY[folder].title}
          action={
            <NextSteps
              steps={
                folder === 'inbox'
                  ? [
                      { to: '/network?tab=suggestions', label: 'See people you may know' },
                      { to: '/members', label: 'Browse members' },
                      { to: '/settings#screening', label: 'Review your screening settings' },
                    ]
                  : [{ to: '/settings#screening', label: 'Review your screening settings' }]
              }
            />
          }
        >
          {EMPTY[folder].text}
        </EmptyState>
      }
      renderItem={(inv) => <ReceivedInvitationCard invitation={inv} />}
    />
  );
}
