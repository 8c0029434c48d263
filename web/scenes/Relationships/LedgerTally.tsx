import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEDGER_SIDES } from '../../../common/ledger.ts';
import type { LedgerTallyView } from '../../api/ledger.ts';

/** "Given 3 · Received 1 · You asked 0 · Asked of you 2", then the balance in words. */
export function TallyLine({ tally }: { tally: LedgerTallyView }) {
  const { t } = useTranslation('relationships');
  return (
    <Stack gap={2}>
      <Group gap="md" wrap="wrap">
        {LEDGER_SIDES.map((side) => (
          <Text key={side} size="sm">
            {t('ledger.count', { side: t(`ledger.sides.${side}`), n: tally[side] })}
          </Text>
        ))}
      </Group>
      <Balance balance={tally.balance} />
    </Stack>
  );
}

export function Balance({ balance }: { balance: number }) {
  const { t } = useTranslation('relationships');
  return (
    <Text size="sm" c="dimmed">
      {t('ledger.balance.line', {
        label: t('ledger.balance.label'),
        value: balance < 0 ? t('ledger.balance.negative', { balance: -balance }) : t('ledger.balance.value', { balance }),
      })}
    </Text>
  );
}

/** Each kind of give or ask with its counts, for the overall tally. */
export function BySubject({ tally }: { tally: LedgerTallyView }) {
  const { t } = useTranslation('relationships');
  if (tally.bySubject.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t('ledger.bySubject')}
      </Text>
      {tally.bySubject.map((s) => (
        <Text key={s.subject} size="sm">
          {t('ledger.count', {
            side: t(`ledger.subjects.${s.subject}`),
            n: LEDGER_SIDES.filter((side) => s[side] > 0)
              .map((side) => t('ledger.count', { side: t(`ledger.sides.${side}`), n: s[side] }))
              .join(' · '),
          })}
        </Text>
      ))}
    </Stack>
  );
}
