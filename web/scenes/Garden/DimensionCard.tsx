import { BarChart } from '@mantine/charts';
import { Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GardenDimensionView } from '../../api/garden.ts';
import { useFormat } from '../../i18n/format.ts';
import { useValueLabel } from './gardenWords.ts';

type View = 'chart' | 'table';

/** Bar height in the chart, so a long list of values stays readable on a phone. */
const ROW_PX = 32;

/**
 * One dimension of the garden: its counts as a bar chart or, for screen readers and anyone who prefers it,
 * as a table with the same numbers; then its variety (Blau) in plain words and where it stands against the
 * community's baseline.
 */
export function DimensionCard({ dimension }: { dimension: GardenDimensionView }) {
  const { t } = useTranslation('garden');
  const format = useFormat();
  const valueLabel = useValueLabel();
  const [view, setView] = useState<View>('chart');
  const titleId = useId();
  const name = t(`dimensions.${dimension.name}`);
  const word = t(`dimensionWords.${dimension.name}`);
  const data = dimension.counts.map((c) => ({ label: valueLabel(dimension.name, c), count: c.count }));
  const decimal = (v: number) => new Intl.NumberFormat(format.language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(v);
  const base = dimension.baseline;

  return (
    <Paper p="md" radius="md" component="section" aria-labelledby={titleId} data-testid={`garden-${dimension.name}`}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={titleId}>
          {name}
        </Title>
        {data.length > 0 && (
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as View)}
            aria-label={t('view.label', { dimension: word })}
            data={[
              { value: 'chart', label: t('view.chart') },
              { value: 'table', label: t('view.table') },
            ]}
            w="fit-content"
          />
        )}
        {data.length > 0 && view === 'chart' && (
          <div role="img" aria-label={t('chart.label', { dimension: word })} data-testid="garden-chart">
            <BarChart
              h={40 + ROW_PX * data.length}
              data={data}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 110 }}
              series={[{ name: 'count', label: t('chart.series'), color: 'teal.6' }]}
              withBarValueLabel
              withTooltip={false}
              gridAxis="none"
            />
          </div>
        )}
        {data.length > 0 && view === 'table' && (
          <Table data-testid="garden-table" striped>
            <Table.Caption>{t('table.caption', { dimension: word })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('table.value')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('table.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((row) => (
                <Table.Tr key={row.label}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td ta="right">{format.number(row.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {dimension.blau === null ? (
          <Text size="sm">{t('measures.noneKnown', { dimension: word })}</Text>
        ) : (
          <>
            <Text size="sm" data-testid="garden-blau">
              {t('measures.blau', { value: decimal(dimension.blau), dimension: word })}
            </Text>
            {dimension.shannon !== null && (
              <Text size="xs" c="dimmed">
                {t('measures.shannon', { value: decimal(dimension.shannon) })}
              </Text>
            )}
          </>
        )}
        {dimension.unknown > 0 && dimension.known > 0 && (
          <Text size="xs" c="dimmed">
            {t('measures.unknown', { count: dimension.unknown })}
          </Text>
        )}
        {dimension.name === 'ageBand' && (
          <Text size="xs" c="dimmed">
            {t('measures.ageConsent')}
          </Text>
        )}
        {dimension.blau !== null && (
          <Text size="sm" data-testid="garden-baseline">
            {base === null
              ? t('baseline.none')
              : base.percentile < 50
                ? t('baseline.less', { dimension: word, share: 100 - base.percentile, median: decimal(base.median ?? 0) })
                : t('baseline.more', { dimension: word, share: base.percentile, median: decimal(base.median ?? 0) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
