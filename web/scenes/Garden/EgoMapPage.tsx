import { Alert, Paper, SimpleGrid, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { egoMapApi, egoMapKeys } from '../../api/egoMap.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { EgoMap } from './EgoMap.tsx';
import { EgoMapTable } from './EgoMapTable.tsx';

/** Cluster colours, in order (cluster 0 is the largest); connections in no cluster are grey. */
const PALETTE = ['blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'indigo', 'red', 'yellow', 'violet', 'green'] as const;

/**
 * My network map (issue 15, the garden): the drawing of my ego network, what its measures mean in plain
 * words, and the table of my connections by cluster. A page of its own at /garden/map until the garden
 * page embeds the map.
 */
export function EgoMapPage() {
  const { t } = useTranslation('egoMap');
  const format = useFormat();
  const theme = useMantineTheme();
  const query = useQuery({ queryKey: egoMapKeys.map, queryFn: egoMapApi.get });
  const colourOf = useCallback(
    (cluster: number | null) => (cluster === null ? theme.colors.gray[5]! : theme.colors[PALETTE[cluster % PALETTE.length]!]![6]!),
    [theme],
  );

  const header = <PageHeader title={t('page.title')} description={t('page.description')} />;
  if (query.isPending) return (<>{header}<PageLoader label={t('page.loading')} /></>);
  if (query.isError) return (<>{header}<ErrorState error={query.error} onRetry={() => void query.refetch()} /></>);
  const map = query.data;
  if (map.total === 0) {
    return (
      <>
        {header}
        <EmptyState title={t('empty.title')} action={<NextSteps steps={[{ to: '/network', label: t('empty.action') }]} />}>
          {t('empty.body')}
        </EmptyState>
      </>
    );
  }
  const measures = [
    { title: t('measures.clusters'), value: t('measures.clustersValue', { count: map.clusters.length }), help: t('measures.clustersHelp') },
    { title: t('measures.bridges'), value: t('measures.bridgesValue', { count: map.bridges.length }), help: t('measures.bridgesHelp') },
    { title: t('measures.effectiveSize'), value: format.number(Math.round(map.effectiveSize * 10) / 10), help: t('measures.effectiveSizeHelp', { total: map.total }) },
    { title: t('measures.constraint'), value: format.number(Math.round(map.constraint * 100) / 100), help: t('measures.constraintHelp') },
  ];
  return (
    <>
      {header}
      <Paper p="md" radius="md" mb="md">
        <Title order={2} fz="h4" mb="sm">
          {t('measures.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {measures.map((m) => (
            <Stack key={m.title} gap={2}>
              <Text fw={600}>
                {m.title}: {m.value}
              </Text>
              <Text size="sm" c="dimmed">
                {m.help}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {map.truncated && (
          <Alert variant="light" color="blue" mt="md">
            {t('measures.truncated', { shown: format.number(map.nodes.length), total: format.number(map.total) })}
          </Alert>
        )}
      </Paper>
      <EgoMap map={map} colourOf={colourOf} />
      <EgoMapTable map={map} colourOf={colourOf} />
    </>
  );
}
