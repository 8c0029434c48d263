import { Box, Button, Group, Paper, SimpleGrid, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachWeek } from '../../api/outreach.ts';
import { useFormat } from '../../i18n/format.ts';

/** The colour of a week's square: none reached, some, goal met. */
const shade = (w: OutreachWeek) => (w.met ? 'var(--mantine-color-teal-7)' : w.count > 0 ? 'var(--mantine-color-teal-2)' : 'var(--mantine-color-gray-2)');

/**
 * The year view: 52 squares, one a week (oldest first), each labelled for screen readers with its week, count and
 * whether the goal was met; and the same as a table, on request.
 */
export function YearView({ weeks }: { weeks: OutreachWeek[] }) {
  const { t } = useTranslation('outreach');
  const f = useFormat();
  const [table, setTable] = useState(false);
  return (
    <Paper p="md" radius="md" withBorder component="section" aria-labelledby="outreach-year">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="outreach-year">
          {t('year.title')}
        </Title>
        <Button variant="subtle" size="xs" onClick={() => setTable((v) => !v)} aria-expanded={table} aria-controls="outreach-year-table">
          {table ? t('year.showSquares') : t('year.showTable')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 13, sm: 26 }} spacing={4} verticalSpacing={4} component="ul" aria-label={t('year.squares')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {weeks.map((w) => (
          <Box component="li" key={w.start} data-testid="outreach-week" data-count={w.count}>
            <Box aria-hidden style={{ aspectRatio: '1', borderRadius: 3, background: shade(w), minWidth: 10 }} title={`${w.week}: ${w.count}`} />
            <VisuallyHidden>{t('year.square', { week: w.week, count: w.count, met: String(w.met) })}</VisuallyHidden>
          </Box>
        ))}
      </SimpleGrid>
      {table && (
        <Table id="outreach-year-table" mt="md" striped withTableBorder>
          <Table.Caption>{t('year.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('year.week')}</Table.Th>
              <Table.Th scope="col">{t('year.starting')}</Table.Th>
              <Table.Th scope="col">{t('year.count')}</Table.Th>
              <Table.Th scope="col">{t('year.goalMet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...weeks].reverse().map((w) => (
              <Table.Tr key={w.start}>
                <Table.Th scope="row">{w.week}</Table.Th>
                <Table.Td>{f.date(w.start)}</Table.Td>
                <Table.Td>{w.count}</Table.Td>
                <Table.Td>{w.met ? t('year.yes') : t('year.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!table && <Text size="xs" c="dimmed" mt="xs" aria-hidden>{weeks[0] && weeks.at(-1) ? `${weeks[0].week} – ${weeks.at(-1)!.week}` : ''}</Text>}
    </Paper>
  );
}
