import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys.ts';
import { ledgerApi } from '../../api/ledger.ts';
import { TallyLine } from './LedgerTally.tsx';
import { LogLedgerEntryButton } from './LogLedgerEntry.tsx';

/** My gives and asks with one person, on my card for them, with logging one by hand. */
export function PersonLedger({ handle, name }: { handle: string; name: string }) {
  const { t } = useTranslation('relationships');
  const query = useQuery({ queryKey: keys.ledgerWith(handle), queryFn: () => ledgerApi.withPerson(handle) });
  const tally = query.data;
  const empty = tally && tally.given + tally.received + tally.asked + tally.asked_by === 0;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('ledger.withPerson')}
      </Text>
      {tally &&
        (empty ? (
          <Text size="sm" c="dimmed">
            {t('ledger.withPersonEmpty')}
          </Text>
        ) : (
          <TallyLine tally={tally} />
        ))}
      <LogLedgerEntryButton handle={handle} name={name} size="xs" />
    </Stack>
  );
}
