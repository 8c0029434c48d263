import { Paper, Tabs } from '@mantine/core';
import { IconBuilding, IconChartLine, IconFlag, IconHistory, IconMail, IconStack2, IconUsers } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, PageLoader } from '../../components/PageState.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { AuditPanel } from './AuditPanel.tsx';
import { JobsPanel } from './JobsPanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { ModerationPanel } from './ModerationPanel.tsx';
import { OrganisationsPanel } from './OrganisationsPanel.tsx';
import { OutboxPanel } from './OutboxPanel.tsx';

// Lazy: it draws charts, and the charts chunk loads only where one is drawn.
const CommunityPanel = lazy(() => import('./Community/CommunityPanel.tsx'));

export function AdminPage() {
  const { t } = useTranslation('admin');
  const { data: me } = useMe();
  if (!me) return null;
  if (!me.abilities.admin) {
    return (
      <>
        <PageHeader title={t('page.title')} />
        <EmptyState title={t('page.operatorsOnly')}>{t('page.operatorsOnlyBody')}</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Paper p="md" radius="md">
        <Tabs defaultValue="moderation" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="moderation" leftSection={<IconFlag size={16} aria-hidden />}>
              {t('page.tabs.moderation')}
            </Tabs.Tab>
            <Tabs.Tab value="members" leftSection={<IconUsers size={16} aria-hidden />}>
              {t('page.tabs.members')}
            </Tabs.Tab>
            <Tabs.Tab value="outbox" leftSection={<IconMail size={16} aria-hidden />}>
              {t('page.tabs.outbox')}
            </Tabs.Tab>
            <Tabs.Tab value="jobs" leftSection={<IconStack2 size={16} aria-hidden />}>
              {t('page.tabs.jobs')}
            </Tabs.Tab>
            <Tabs.Tab value="audit" leftSection={<IconHistory size={16} aria-hidden />}>
              {t('page.tabs.audit')}
            </Tabs.Tab>
            <Tabs.Tab value="organisations" leftSection={<IconBuilding size={16} aria-hidden />}>
              {t('page.tabs.organisations')}
            </Tabs.Tab>
            <Tabs.Tab value="community" leftSection={<IconChartLine size={16} aria-hidden />}>
              {t('page.tabs.community')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="moderation">
            <ModerationPanel />
          </Tabs.Panel>
          <Tabs.Panel value="members">
            <MembersPanel selfId={me.id} />
          </Tabs.Panel>
          <Tabs.Panel value="outbox">
            <OutboxPanel />
          </Tabs.Panel>
          <Tabs.Panel value="jobs">
            <JobsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="audit">
            <AuditPanel />
          </Tabs.Panel>
          <Tabs.Panel value="organisations">
            <OrganisationsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="community">
            <Suspense fallback={<PageLoader />}>
              <CommunityPanel />
            </Suspense>
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
