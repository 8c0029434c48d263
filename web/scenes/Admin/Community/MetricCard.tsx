import { LineChart } from '@mantine/charts';
import { Paper, SegmentedControl, Stack, Table, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityGrowthDay } from '../../../api/community.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useDayLabel } from './communityWords.ts';

type View = 'chart' | 'table';
export type Metric = 'members' | 'activity' | 'dauMau' | 'content' | 'invitations';
type SeriesKey = 'members' | 'newMembers' | 'activeMembers' | 'monthlyActive' | 'dauMau' | 'posts' | 'messages' | 'invitationsSent' | 'invitationsAccepted';

/** The series each card draws, in the order of its table's columns. */
const SERIES: Record<Metric, { key: SeriesKey; color: string }[]> = {
  members: [
    { key: 'members', color: 'teal.6' },
    { key: 'newMembers', color: 'indigo.6' },
  ],
  activity: [
    { key: 'activeMembers', color: 'teal.6' },
    { key: 'monthlyActive', color: 'indigo.6' },
  ],
  dauMau: [{ key: 'dauMau', color: 'grape.6' }],
  content: [
    { key: 'posts', color: 'teal.6' },
    { key: 'messages', color: 'orange.6' },
  ],
  invitations: [
    { key: 'invitationsSent', color: 'indigo.6' },
    { key: 'invitationsAccepted', color: 'teal.6' },
  ],
};

/** A day's value of one series; DAU/MAU as a whole percentage (null where nobody was active in the month). */
function valueOf(day: CommunityGrowthDay, key: SeriesKey): number | null {
  if (key === 'dauMau') return day.dauMau === null ? null : Math.round(day.dauMau * 1000) / 10;
  return day[key];
}

/**
 * One measure of the community over the chosen days: a line chart or, for screen readers and anyone who
 * prefers numbers, a table with exactly the same values (as the garden's DimensionCard does).
 */
export function MetricCard({ metric, days }: { metric: Metric; days: CommunityGrowthDay[] }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const dayLabel = useDayLabel();
  const [view, setView] = useState<View>('chart');
  const titleId = useId();
  const name = t(`community.metrics.${metric}`);
  const series = SERIES[metric];
  const data = days.map((d) => ({ day: dayLabel(d.day), ...Object.fromEntries(series.map((s) => [s.key, valueOf(d, s.key)])) }));
  const show = (v: number | null) => (v === null ? '' : metric === 'dauMau' ? `${format.number(v)}%` : format.number(v));

  return (
    <Paper p="md" radius="md" withBorder component="section" aria-labelledby={titleId} data-testid={`community-${metric}`}>
      <Stack gap="sm">
        <Title order={2} fz="h5" id={titleId}>
          {name}
        </Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as View)}
          aria-label={t('community.view.label', { metric: name })}
          data={[
            { value: 'chart', label: t('community.view.chart') },
            { value: 'table', label: t('community.view.table') },
          ]}
          w="fit-content"
        />
        {view === 'chart' ? (
          <div role="img" aria-label={t('community.chart.label', { metric: name })} data-testid="community-chart">
            <LineChart
              h={220}
              data={data}
              dataKey="day"
              series={series.map((s) => ({ name: s.key, label: t(`community.series.${s.key}`), color: s.color }))}
              withLegend
              withDots={data.length <= 31}
              withPointLabels={data.length <= 31}
              curveType="linear"
              connectNulls={false}
              tooltipAnimationDuration={0}
              {...(metric === 'dauMau' ? { unit: '%' } : {})}
            />
          </div>
        ) : (
          <Table.ScrollContainer minWidth={280} maxHeight={320}>
            <Table striped stickyHeader data-testid="community-table">
              <Table.Caption>{t('community.table.caption', { metric: name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('community.table.day')}</Table.Th>
                  {series.map((s) => (
                    <Table.Th scope="col" ta="right" key={s.key}>
                      {t(`community.series.${s.key}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {days.map((d) => (
                  <Table.Tr key={d.day}>
                    <Table.Th scope="row" fw="normal">
                      {dayLabel(d.day)}
                    </Table.Th>
                    {series.map((s) => (
                      <Table.Td ta="right" key={s.key}>
                        {show(valueOf(d, s.key))}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
