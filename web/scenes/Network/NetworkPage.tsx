import { Paper, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useInvitationFolders, useInvitations } from '../../hooks/useInvitations.ts';
import { countLabel } from '../../hooks/usePagedQuery.ts';
import { ConnectionsTab } from './ConnectionsTab.tsx';
import { FollowsTab } from './FollowsTab.tsx';
import { ReceivedInvitations } from './ReceivedInvitations.tsx';
import { SentInvitations } from './SentInvitations.tsx';
import { SuggestionsTab } from './SuggestionsTab.tsx';

const TABS = ['invitations', 'sent', 'connections', 'followers', 'following', 'suggestions'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, () => ReactNode> = {
  invitations: () => <ReceivedInvitations />,
  sent: () => <SentInvitations />,
  connections: () => <ConnectionsTab />,
  followers: () => <FollowsTab direction="followers" />,
  following: () => <FollowsTab direction="following" />,
  suggestions: () => <SuggestionsTab />,
};

const isTab = (v: string | null): v is Tab => TABS.includes(v as Tab);

/**
 * My Network: invitations in and out, connections, follows and suggestions. The tab lives in the URL
 * (?tab=connections) so each list can be linked to and survives a reload.
 */
export function NetworkPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'invitations';
  // The inbox is what waits for an answer; "Other" has its own count inside the tab. Sent is a small,
  // bounded list whose first page gives its count at no extra cost.
  const inbox = useInvitationFolders().data?.inbox ?? 0;
  const sent = countLabel(useInvitations('sent').data);
  const labels: Record<Tab, string> = {
    invitations: inbox ? `Invitations (${inbox})` : 'Invitations',
    sent: sent ? `Sent (${sent})` : 'Sent',
    connections: 'Connections',
    followers: 'Followers',
    following: 'Following',
    suggestions: 'People you may know',
  };

  return (
    <>
      <PageHeader title="My Network" description="Invitations, connections, follows and people you may know." />
      <Paper p="md" radius="md">
        <Tabs value={tab} onChange={(v) => isTab(v) && setParams(v === 'invitations' ? {} : { tab: v }, { replace: true })}>
          <Tabs.List mb="sm">
            {TABS.map((t) => (
              <Tabs.Tab key={t} value={t}>
                {labels[t]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TABS.map((t) => (
            <Tabs.Panel key={t} value={t}>
              {t === tab && PANELS[t]()}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </>
  );
}
