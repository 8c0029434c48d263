import { Paper, Tabs } from '@mantine/core';
import { IconMail, IconUsers } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/PageState.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { MembersPanel } from './MembersPanel.tsx';
import { OutboxPanel } from './OutboxPanel.tsx';

export function AdminPage() {
  const { data: me } = useMe();
  if (!me) return null;
  if (!me.abilities.admin) {
    return (
      <>
        <PageHeader title="Admin" />
        <EmptyState title="Operators only">This page is for the people who run this community.</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Admin" description="Moderate members and inspect outgoing email." />
      <Paper p="md" radius="md">
        <Tabs defaultValue="members" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="members" leftSection={<IconUsers size={16} aria-hidden />}>
              Members
            </Tabs.Tab>
            <Tabs.Tab value="outbox" leftSection={<IconMail size={16} aria-hidden />}>
              Outbox
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="members">
            <MembersPanel selfId={me.id} />
          </Tabs.Panel>
          <Tabs.Panel value="outbox">
            <OutboxPanel />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
