import { Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityCohort } from '../../../api/community.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useWeekLabel } from './communityWords.ts';

/**
 * New-member retention: one row per signup week, one column per week after joining, each cell the share of
 * that week's members active then, shaded by it (the shade only repeats the number written in the cell).
 */
export function CohortTable({ cohorts }: { cohorts: CommunityCohort[] }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const weekLabel = useWeekLabel();
  const titleId = useId();
  const percent = new Intl.NumberFormat(format.language, { style: 'percent', maximumFractionDigits: 0 });
  const weeks = Math.max(0, ...cohorts.flatMap((c) => c.retention.map((r) => r.week)));
  const offsets = Array.from({ length: weeks + 1 }, (_, i) => i);

  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid="community-cohorts">
      <Title order={2} fz="h5" id={titleId}>
        {t('community.cohorts.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('community.cohorts.intro')}
      </Text>
      {cohorts.length === 0 ? (
        <Text size="sm">{t('community.cohorts.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={120 + 84 * offsets.length}>
          <Table withTableBorder withColumnBorders fz="xs" data-testid="community-cohort-table">
            <Table.Caption>{t('community.cohorts.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('community.cohorts.week')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('community.cohorts.members')}
                </Table.Th>
                {offsets.map((w) => (
                  <Table.Th scope="col" ta="right" key={w}>
                    {t('community.cohorts.offset', { week: w })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cohorts.map((c) => {
                const byWeek = new Map(c.retention.map((r) => [r.week, r]));
                return (
                  <Table.Tr key={c.week}>
                    <Table.Th scope="row" fw="normal">
                      {weekLabel(c.week)}
                    </Table.Th>
                    <Table.Td ta="right">{format.number(c.members)}</Table.Td>
                    {offsets.map((w) => {
                      const cell = byWeek.get(w);
                      if (!cell) return <Table.Td key={w} />;
                      return (
                        <Table.Td key={w} ta="right" style={{ backgroundColor: `rgba(18, 184, 134, ${(0.06 + cell.share * 0.5).toFixed(2)})` }}>
                          {t('community.cohorts.cell', { share: percent.format(cell.share), active: format.number(cell.active) })}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
