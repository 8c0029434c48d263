import { Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { endorsementsApi, type RecommendationAction, type RecommendationBox, type RecommendationItem } from '../../api/endorsements.ts';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { useNetworkMutation } from '../../hooks/useNetworkMutation.ts';
import { usePagedQuery } from '../../hooks/usePagedQuery.ts';
import { RecommendationDialog } from '../Profile/Recommendations.tsx';

const BOXES: RecommendationBox[] = ['received', 'written', 'requests'];
const BDI = { bdi: <bdi /> };
const EMPTY = {
  received: ['page.emptyReceived', 'page.emptyReceivedHint'],
  written: ['page.emptyWritten', 'page.emptyWrittenHint'],
  requests: ['page.emptyRequests', 'page.emptyRequestsHint'],
} as const;

/** /recommendations: what was written for me (approve, decline, hide, show), what I wrote, and requests to write. */
export function RecommendationsPage() {
  const { t } = useTranslation('endorsements');
  useDocumentTitle(`${t('page.documentTitle')} · Rapport`);
  const [params, setParams] = useSearchParams();
  const box = (BOXES as string[]).includes(params.get('box') ?? '') ? (params.get('box') as RecommendationBox) : 'received';
  return (
    <Stack gap="lg">
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Tabs value={box} onChange={(v) => v && setParams({ box: v }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={t('page.tabs')}>
          {BOXES.map((b) => (
            <Tabs.Tab key={b} value={b}>
              {t(`page.${b}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {BOXES.map((b) => (
          <Tabs.Panel key={b} value={b} pt="md">
            <Box box={b} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function Box({ box }: { box: RecommendationBox }) {
  const { t } = useTranslation('endorsements');
  const query = usePagedQuery(['recommendations', box], (cursor) => endorsementsApi.box(box, cursor));
  const [title, hint] = EMPTY[box];
  return (
    <PagedList
      query={query}
      label={t(`page.${box}`)}
      loadingLabel={t('page.loading')}
      empty={
        <EmptyState title={t(title)} action={<NextSteps steps={[{ to: '/network', label: t('page.yourConnections') }]} />}>
          {t(hint)}
        </EmptyState>
      }
      renderItem={(item) => <Item box={box} item={item} />}
    />
  );
}

const ACTIONS_FOR: Record<string, RecommendationAction[]> = { pending: ['approve', 'decline'], visible: ['hide'], hidden: ['show'] };
const DONE = { approve: 'page.approved', decline: 'page.declined', hide: 'page.hidden', show: 'page.shown' } as const satisfies Record<RecommendationAction, string>;

function Item({ box, item }: { box: RecommendationBox; item: RecommendationItem }) {
  const { t } = useTranslation('endorsements');
  const queryClient = useQueryClient();
  const [writing, setWriting] = useState(false);
  const act = useNetworkMutation((action: RecommendationAction) => endorsementsApi.decide(item.id, action), {
    success: (action) => t(DONE[action]),
    onSaved: () => void queryClient.invalidateQueries({ queryKey: ['recommendations'] }),
  });
  const who = box === 'received' ? 'page.from' : box === 'written' ? 'page.to' : 'page.asks';
  const actions = box === 'received' ? (ACTIONS_FOR[item.status] ?? []) : [];
  return (
    <Stack gap="xs" py="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <PersonAvatar name={item.other.name} photoUrl={item.other.photoUrl} size={40} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/in/${item.other.handle}`} fw={600} c="inherit" underline="hover">
              <Trans t={t} i18nKey={who} values={{ name: item.other.name }} components={BDI} />
            </Anchor>
            <DegreeBadge degree={item.other.degree} />
            <Badge variant="light" color={item.status === 'visible' ? 'teal' : 'gray'} size="sm">
              {t(`page.status.${item.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" dir="auto">
            {t('page.forPosition', { title: item.position.title, organisation: item.position.organisationName })}
          </Text>
          {item.text && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
              {item.text}
            </Text>
          )}
        </Stack>
      </Group>
      {actions.length > 0 && (
        <Group gap="xs">
          {actions.map((a) => (
            <Button key={a} size="compact-sm" variant={a === 'approve' || a === 'show' ? 'filled' : 'default'} loading={act.isPending && act.variables === a} onClick={() => act.mutate(a)}>
              {t(`page.${a}`)}
            </Button>
          ))}
        </Group>
      )}
      {box === 'requests' && item.status === 'open' && (
        <Group gap="xs">
          <Button size="compact-sm" onClick={() => setWriting(true)}>
            {t('page.writeNow')}
          </Button>
          <RecommendationDialog
            mode="write"
            opened={writing}
            onClose={() => setWriting(false)}
            person={item.other}
            positions={[{ ...item.position, organisation: { id: 0, name: item.position.organisationName, slug: '' }, startDate: '', endDate: null, description: '' }]}
            request={{ id: item.id, positionId: item.position.id }}
          />
        </Group>
      )}
    </Stack>
  );
}
