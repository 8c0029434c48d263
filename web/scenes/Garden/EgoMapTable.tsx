import { Anchor, Badge, Box, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EgoMapView } from '../../api/egoMap.ts';

type Node = EgoMapView['nodes'][number];

/** A cluster's name: "Cluster 2", or "Cluster 2: Acme" when most of its members share an organisation or industry. */
export function useClusterName(): (cluster: EgoMapView['clusters'][number]) => string {
  const { t } = useTranslation('egoMap');
  return (c) => (c.label ? t('table.clusterLabelled', { number: c.id + 1, label: c.label.value }) : t('table.clusterName', { number: c.id + 1 }));
}

/**
 * The map as a table, one row per cluster with its people (each name links to their profile, bridges
 * marked): the drawing's alternative for keyboards, screen readers and browsers without WebGL.
 */
export function EgoMapTable({ map, colourOf }: { map: EgoMapView; colourOf: (cluster: number | null) => string }) {
  const { t } = useTranslation('egoMap');
  const clusterName = useClusterName();
  const byCluster = new Map<number | null, Node[]>();
  for (const node of map.nodes) byCluster.set(node.cluster, [...(byCluster.get(node.cluster) ?? []), node]);
  const rows = [
    ...map.clusters.map((c) => ({ key: String(c.id), cluster: c.id as number | null, name: clusterName(c), size: c.size, help: null as string | null })),
    ...(byCluster.has(null) ? [{ key: 'none', cluster: null, name: t('table.noCluster'), size: byCluster.get(null)!.length, help: t('table.noClusterHelp') }] : []),
  ];
  return (
    <Paper p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        {t('table.title')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="sm" captionSide="top" data-testid="ego-map-table">
          <Table.Caption>{t('table.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('table.cluster')}</Table.Th>
              <Table.Th scope="col">{t('table.person')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={600} style={{ verticalAlign: 'top' }}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Box w={12} h={12} mt={5} style={{ borderRadius: '50%', background: colourOf(row.cluster), flex: 'none' }} aria-hidden />
                    <div>
                      <Text fw={600}>{row.name}</Text>
                      <Text size="sm" c="dimmed" fw={400}>
                        {t('table.clusterSize', { count: row.size })}
                      </Text>
                      {row.help && (
                        <Text size="sm" c="dimmed" fw={400}>
                          {row.help}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Table.Th>
                <Table.Td>
                  {(byCluster.get(row.cluster) ?? []).map((node, i) => (
                    <Fragment key={node.handle}>
                      {i > 0 && ', '}
                      <Anchor component={Link} to={`/in/${node.handle}`}>
                        {node.name}
                      </Anchor>
                      {node.bridge && (
                        <Badge size="xs" variant="light" color="dark" ml={4}>
                          {t('table.isBridge')}
                        </Badge>
                      )}
                    </Fragment>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
