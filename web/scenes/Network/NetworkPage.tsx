import { Button, Group, Paper, Tabs } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { InviteByEmailDialog } from '../../components/email-invitations/InviteByEmailDialog.tsx';
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
  const { t } = useTranslation(['network', 'introductions', 'join', 'imports', 'opportunities']);
  const [inviting, setInviting] = useState(false);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'invitations';
  // The inbox is what waits for an answer; "Other" has its own count inside the tab. Sent is a small,
  // bounded list whose first page gives its count at no extra cost.
  const inbox = useInvitationFolders().data?.inbox ?? 0;
  const sent = countLabel(useInvitations('sent').data);
  const labels: Record<Tab, string> = {
    invitations: inbox ? t('tabs.invitationsCount', { count: inbox }) : t('tabs.invitations'),
    sent: sent ? t('tabs.sentCount', { count: sent }) : t('tabs.sent'),
    connections: t('tabs.connections'),
    followers: t('tabs.followers'),
    following: t('tabs.following'),
    suggestions: t('tabs.suggestions'),
  };

  return (
    <>
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/introductions" variant="light">
              {t('introductions:nav')}
            </Button>
            <Button component={Link} to="/relationships" variant="default">
              {t('page.yourPeople')}
            </Button>
            <Button component={Link} to="/contacts" variant="default">
              {t('page.contacts')}
            </Button>
            <Button component={Link} to="/keep-in-touch" variant="default">
              {t('page.keepInTouch')}
            </Button>
            <Button component={Link} to="/ledger" variant="default">
              {t('page.ledger')}
            </Button>
            <Button component={Link} to="/opportunities" variant="default">
              {t('opportunities:nav')}
            </Button>
            <Button variant="default" onClick={() => setInviting(true)}>
              {t('join:invite.open')}
            </Button>
            <Button component={Link} to="/settings/import" variant="default">
              {t('imports:link.open')}
            </Button>
          </Group>
        }
      />
      <InviteByEmailDialog opened={inviting} onClose={() => setInviting(false)} />
      <Paper p="md" radius="md">
        <Tabs value={tab} onChange={(v) => isTab(v) && setParams(v === 'invitations' ? {} : { tab: v }, { replace: true })}>
          <Tabs.List mb="sm">
            {TABS.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {labels[name]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TABS.map((name) => (
            <Tabs.Panel key={name} value={name}>
              {name === tab && PANELS[name]()}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </>
  );
}
