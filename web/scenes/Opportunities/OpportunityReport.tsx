import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunityReportView } from '../../api/opportunities.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';

/**
 * The report: where my opportunities came from, in sentences ("3 of your 5 opportunities came through weak
 * ties"), as a bar chart, and as a table with the same numbers for anyone who cannot read the chart.
 */
export function OpportunityReport({ report }: { report: OpportunityReportView }) {
  const { t } = useTranslation('opportunities');
  const f = useFormat();
  const pct = (share: number) => Math.round(share * 1000) / 10;
  const percent = (share: number) => new Intl.NumberFormat(f.language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const valued = report.valued > 0 && report.totalValue > 0;
  const data = report.shares.map((s) => ({
    origin: t(`report.origins.${s.origin}`),
    share: pct(s.share),
    ...(valued ? { value: pct(s.valueShare ?? 0) } : {}),
  }));
  const top = valued ? [...report.shares].filter((s) => s.value > 0).sort((a, b) => b.value - a.value)[0] : undefined;
  return (
    <Paper p="md" radius="md" component="section" aria-labelledby="opportunity-report">
      <Title order={2} fz="h4" id="opportunity-report" mb="xs">
        {t('report.title')}
      </Title>
      {report.total === 0 ? (
        <EmptyState
          title={t('report.empty.title')}
          headingLevel={3}
          action={
            <NextSteps
              steps={[
                { to: '/network', label: t('report.empty.network') },
                { to: '/introductions', label: t('report.empty.introductions') },
              ]}
            />
          }
        >
          {t('report.empty.body')}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <List spacing={4} size="sm">
            {report.shares
              .filter((s) => s.count > 0)
              .map((s) => (
                <List.Item key={s.origin}>{t(`report.sentence.${s.origin}`, { count: s.count, total: report.total })}</List.Item>
              ))}
            {report.other > 0 && <List.Item>{t('report.other', { count: report.other })}</List.Item>}
            {top?.valueShare != null && (
              <List.Item>{t('report.valueSentence', { value: report.totalValue, share: top.valueShare, origin: t(`report.originsInSentence.${top.origin}`) })}</List.Item>
            )}
          </List>
          <Text size="xs" c="dimmed">
            {t('report.overlap')}
          </Text>
          {/* The table below is the chart's text alternative: the chart itself is one image to assistive technology. */}
          <Box role="img" aria-label={t('report.chartLabel')}>
            <BarChart
              h={260}
              data={data}
              dataKey="origin"
              unit="%"
              withLegend={valued}
              valueFormatter={(v) => `${f.number(v)}`}
              series={[{ name: 'share', label: t('report.shareSeries'), color: 'teal.6' }, ...(valued ? [{ name: 'value', label: t('report.valueSeries'), color: 'indigo.5' }] : [])]}
            />
          </Box>
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Caption>{t('report.table.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('report.table.origin')}</Table.Th>
                  <Table.Th scope="col">{t('report.table.count')}</Table.Th>
                  <Table.Th scope="col">{t('report.table.share')}</Table.Th>
                  <Table.Th scope="col">{t('report.table.valueShare')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.shares.map((s) => (
                  <Table.Tr key={s.origin}>
                    <Table.Th scope="row" fw={500}>
                      {t(`report.origins.${s.origin}`)}
                    </Table.Th>
                    <Table.Td>{f.number(s.count)}</Table.Td>
                    <Table.Td>{percent(s.share)}</Table.Td>
                    <Table.Td>{s.valueShare === null ? t('report.table.none') : percent(s.valueShare)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Paper>
  );
}
