import { LineChart } from '@mantine/charts';
import { Anchor, Badge, Group, List, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CommunityStructureView, communityStructureApi, communityStructureKeys } from '../../../api/communityStructure.ts';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState.tsx';
import { useFormat } from '../../../i18n/format.ts';

type View = 'chart' | 'table';
type Cluster = CommunityStructureView['clusters'][number];

/**
 * Admin → Community's structure (issue 15): the clusters found among all connections with their size and what
 * their members share, the members whose connections reach into several clusters (links to their profiles),
 * and the density over time as a line chart or, with the same numbers, a table. Operators only (the route
 * answers 403 to anyone else). Loaded lazily: it brings the charts chunk with it.
 */
export default function CommunityStructure() {
  const { t } = useTranslation('communityStructure');
  const format = useFormat();
  const [view, setView] = useState<View>('chart');
  const densityId = useId();
  const query = useQuery({ queryKey: communityStructureKeys.structure, queryFn: communityStructureApi.get });
  if (query.isPending) return <PageLoader label={t('loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const latest = s.days.at(-1);
  if (!latest || latest.connections === 0) {
    return (
      <EmptyState title={t('empty.title')} headingLevel={2}>
        {t('empty.text')}
      </EmptyState>
    );
  }
  // Density is a small share: shown as a percentage with enough digits to move from day to day.
  const percent = (v: number) => new Intl.NumberFormat(format.language, { style: 'percent', maximumSignificantDigits: 3 }).format(v);
  const decimal = (v: number) => new Intl.NumberFormat(format.language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(v);
  const clusterName = (id: number) => t('clusters.name', { number: id + 1 });
  const labelOf = (c: Cluster) => {
    if (!c.label) return t('clusters.unlabelled');
    const key = c.label.kind === 'organisation' ? 'clusters.labelOrganisation' : c.label.kind === 'industry' ? 'clusters.labelIndustry' : 'clusters.labelPlace';
    return t(key, { value: c.label.value });
  };
  const data = s.days.map((d) => ({ day: format.date(d.day, 'short'), density: d.density * 100 }));

  return (
    <Stack gap="lg" data-testid="community-structure">
      <div>
        <Title order={2} fz="h3">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('description')}
        </Text>
        {s.computedAt && (
          <Text size="xs" c="dimmed">
            {t('computedAt', { when: format.dateTime(s.computedAt) })}
          </Text>
        )}
      </div>

      <section aria-labelledby={`${densityId}-clusters`}>
        <Title order={3} fz="h4" id={`${densityId}-clusters`} mb="xs">
          {t('clusters.title')}
        </Title>
        {s.clusters.length === 0 ? (
          <Text size="sm">{t('clusters.none')}</Text>
        ) : (
          <List spacing={4} data-testid="community-clusters">
            {s.clusters.map((c) => (
              <List.Item key={c.id}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">
                    {clusterName(c.id)}
                  </Text>
                  <Badge variant="light" color="teal">
                    {t('clusters.size', { count: c.size })}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {labelOf(c)}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby={`${densityId}-bridges`}>
        <Title order={3} fz="h4" id={`${densityId}-bridges`} mb="xs">
          {t('bridges.title')}
        </Title>
        {s.bridges.length === 0 ? (
          <Text size="sm">{t('bridges.none')}</Text>
        ) : (
          <List spacing={4} data-testid="community-bridges">
            {s.bridges.map((b) => (
              <List.Item key={b.handle}>
                <Anchor component={Link} to={`/in/${b.handle}`}>
                  {b.name}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {t('bridges.reaches', { clusters: format.list(b.clusters.map((c) => t('bridges.clusterNumber', { number: c + 1 }))) })}
                  {' · '}
                  {t('bridges.score', { score: decimal(b.score) })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby={`${densityId}-density`}>
        <Title order={3} fz="h4" id={`${densityId}-density`}>
          {t('density.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('density.explain')}
        </Text>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as View)}
          aria-label={t('density.view')}
          data={[
            { value: 'chart', label: t('density.chart') },
            { value: 'table', label: t('density.table') },
          ]}
          w="fit-content"
          mb="sm"
        />
        {view === 'chart' ? (
          <div role="img" aria-label={t('density.chartLabel')} data-testid="community-density-chart">
            <LineChart
              h={220}
              data={data}
              dataKey="day"
              series={[{ name: 'density', label: t('density.series'), color: 'teal.6' }]}
              valueFormatter={(v) => percent(v / 100)}
              withTooltip={false}
              withDots={data.length < 40}
              yAxisProps={{ width: 60 }}
            />
          </div>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table data-testid="community-density-table" striped>
              <Table.Caption>{t('density.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('density.day')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('density.members')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('density.connections')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('density.value')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('density.clusters')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.days.map((d) => (
                  <Table.Tr key={d.day}>
                    <Table.Td>{format.date(d.day, 'short')}</Table.Td>
                    <Table.Td ta="right">{format.number(d.members)}</Table.Td>
                    <Table.Td ta="right">{format.number(d.connections)}</Table.Td>
                    <Table.Td ta="right">{percent(d.density)}</Table.Td>
                    <Table.Td ta="right">{format.number(d.clusters)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
