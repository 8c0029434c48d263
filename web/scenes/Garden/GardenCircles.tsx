import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GardenView } from '../../../common/schemas/garden.ts';
import { useClusterName } from './EgoMapTable.tsx';

/**
 * The garden's circles: the clusters among my connections and who bridges them, in words, with the way to
 * the drawing (/garden/map), which shows the same structure person by person.
 */
export function GardenCircles({ garden }: { garden: GardenView }) {
  const { t } = useTranslation('garden');
  const clusterName = useClusterName();
  const byId = new Map(garden.clusters.map((c) => [c.id, c]));
  const named = (id: number | null) => (id === null ? null : byId.get(id) ? clusterName(byId.get(id)!) : null);
  return (
    <Paper p="md" radius="md" mb="lg" component="section" aria-labelledby="garden-circles">
      <Title order={2} fz="h4" id="garden-circles" mb="xs">
        {t('circles.title')}
      </Title>
      {garden.clusters.length === 0 ? (
        <Text size="sm">{t('circles.none')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('circles.summary', { count: garden.clusters.length, bridges: garden.bridges.length })}
          </Text>
          <List size="sm" spacing={4} mb="xs" data-testid="garden-clusters">
            {garden.clusters.map((c) => (
              <List.Item key={c.id}>{t('circles.cluster', { name: clusterName(c), size: c.size })}</List.Item>
            ))}
          </List>
          {garden.bridges.length > 0 && (
            <List size="sm" spacing={4} mb="xs" data-testid="garden-bridges">
              {garden.bridges.map((b) => (
                <List.Item key={b.handle}>
                  <Anchor component={Link} to={`/in/${b.handle}`}>
                    {b.name}
                  </Anchor>{' '}
                  {t('circles.bridge', { from: named(b.cluster) ?? t('circles.noCluster'), to: b.reaches.map((r) => named(r) ?? '').join(', ') })}
                </List.Item>
              ))}
            </List>
          )}
          <Text size="sm" c="dimmed" mb="xs">
            {t('circles.measures', { effectiveSize: garden.effectiveSize, constraint: garden.constraint })}
          </Text>
        </>
      )}
      <Anchor component={Link} to="/garden/map" size="sm">
        {t('circles.map')}
      </Anchor>
    </Paper>
  );
}
