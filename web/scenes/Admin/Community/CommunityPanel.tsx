import { Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityApi, communityKeys } from '../../../api/community.ts';
import { ErrorState, PageLoader } from '../../../components/PageState.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { CohortTable } from './CohortTable.tsx';
import CommunityStructure from './CommunityStructure.tsx';
import { type Metric, MetricCard } from './MetricCard.tsx';
import { NewcomersList } from './NewcomersList.tsx';

const RANGES = [30, 90, 365] as const;
const METRICS: Metric[] = ['members', 'activity', 'dauMau', 'content', 'invitations'];

/** The first day of the last `days` days, in UTC (the rollups' days). */
const fromFor = (days: number) => new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);

/**
 * Admin → Community (issue 15): how the community grows and takes part, retention by signup week, and the
 * newcomers to help in, all from GET /admin/community (rollups a background job keeps current).
 */
export default function CommunityPanel() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [days, setDays] = useState<(typeof RANGES)[number]>(90);
  const from = fromFor(days);
  const analytics = useQuery({ queryKey: communityKeys.analytics(from), queryFn: () => communityApi.get({ from }) });

  if (analytics.isPending) return <PageLoader label={t('community.loading')} />;
  if (analytics.isError) return <ErrorState error={analytics.error} onRetry={() => void analytics.refetch()} />;
  const data = analytics.data;

  return (
    <Stack gap="lg" data-testid="community-panel">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" maw={720}>
          {t('community.intro')}
        </Text>
        <Text size="xs" c="dimmed" data-testid="community-updated">
          {data.updatedAt ? t('community.updatedAt', { when: format.timeAgo(data.updatedAt) }) : t('community.notYet')}
        </Text>
      </Stack>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={String(days)}
          onChange={(v) => setDays(Number(v) as (typeof RANGES)[number])}
          aria-label={t('community.range.label')}
          data={RANGES.map((r) => ({ value: String(r), label: t(`community.range.days${r}`) }))}
        />
        <Text size="xs" c="dimmed" maw={520}>
          {t('community.activeMeaning')}
        </Text>
      </Group>
      {data.growth.length === 0 ? (
        <Text size="sm">{t('community.noDays')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {METRICS.map((m) => (
            <MetricCard key={m} metric={m} days={data.growth} />
          ))}
        </SimpleGrid>
      )}
      <CohortTable cohorts={data.cohorts} />
      <NewcomersList newcomers={data.newcomers} />
      <CommunityStructure />
    </Stack>
  );
}
