import '@mantine/charts/styles.css';
import { Anchor, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { gardenApi, gardenKeys } from '../../api/garden.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { GardenCircles } from './GardenCircles.tsx';
import { EmptyState, ErrorState, NextSteps, PageLoader } from '../../components/PageState.tsx';
import { DimensionCard } from './DimensionCard.tsx';
import { useGapText, widenLink } from './gardenWords.ts';

/**
 * The garden (issue 15): my network counted by what my connections say on their profiles, one card per
 * dimension (a chart with a table alternative, how varied it is, against the community), then the gaps in
 * words, each linking to people you may know who would widen it. Private to me.
 */
export function GardenPage() {
  const { t } = useTranslation('garden');
  const gapText = useGapText();
  const query = useQuery({ queryKey: gardenKeys.garden, queryFn: gardenApi.get });

  const header = <PageHeader title={t('page.title')} description={t('page.description')} />;
  if (query.isPending) return <>{header}<PageLoader label={t('page.loading')} /></>;
  if (query.error) return <>{header}<ErrorState error={query.error} onRetry={() => void query.refetch()} /></>;
  const garden = query.data;
  if (garden.connections === 0) {
    return (
      <>
        {header}
        <EmptyState
          title={t('empty.title')}
          headingLevel={2}
          action={
            <NextSteps
              steps={[
                { to: '/network?tab=suggestions', label: t('empty.findPeople') },
                { to: '/members', label: t('empty.members') },
              ]}
            />
          }
        >
          {t('empty.text')}
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <Text size="sm" c="dimmed" mb="md">
        {t('page.connections', { count: garden.connections })}
      </Text>
      <Paper p="md" radius="md" mb="lg" component="section" aria-labelledby="garden-gaps">
        <Title order={2} fz="h4" id="garden-gaps" mb="xs">
          {t('gaps.title')}
        </Title>
        {garden.gaps.length === 0 ? (
          <Text size="sm">{t('gaps.none')}</Text>
        ) : (
          <List spacing="xs" size="sm" data-testid="garden-gaps">
            {garden.gaps.map((gap) => {
              const text = gapText(gap);
              return (
                <List.Item key={`${gap.code}:${JSON.stringify(gap.params)}`}>
                  {text}{' '}
                  <Anchor component={Link} to={widenLink(gap.widen)} aria-label={t('gaps.widenLabel', { gap: text })}>
                    {t('gaps.widen')}
                  </Anchor>
                </List.Item>
              );
            })}
          </List>
        )}
      </Paper>
      <GardenCircles garden={garden} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {garden.dimensions.map((d) => (
          <DimensionCard key={d.name} dimension={d} />
        ))}
      </SimpleGrid>
    </>
  );
}
