import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationEvidence } from '../../api/screening.ts';
import { useReasonText } from '../../i18n/reasons.ts';
import { asReason } from './reason.ts';

/** The bands the score falls into. The band is written out, so it never rests on colour alone; each pairing passes 4.5:1. */
const BANDS = [
  { upTo: 24, level: 'low', color: 'teal.9', text: 'white' },
  { upTo: 49, level: 'medium', color: 'yellow.4', text: 'black' },
  { upTo: 100, level: 'high', color: 'red.9', text: 'white' },
] as const;

export function riskBand(score: number) {
  return BANDS.find((b) => score <= b.upTo) ?? BANDS[BANDS.length - 1]!;
}

/** The invitation's risk score (0–100), its band, and every reason behind it, worded by code in the reader's language. */
export function RiskScore({ risk, id }: { risk: InvitationEvidence['risk']; id: string }) {
  const { t } = useTranslation('network');
  const reasonText = useReasonText();
  const band = riskBand(risk.score);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={band.color} c={band.text} radius="sm">
          {t(`risk.${band.level}`)}
        </Badge>
        <Text size="sm" fw={600} id={id}>
          {t('risk.score', { score: risk.score })}
        </Text>
      </Group>
      {risk.reasons.length > 0 ? (
        <List size="xs" spacing={2} aria-labelledby={id}>
          {risk.reasons.map((r) => (
            <List.Item key={r.code}>{reasonText(asReason(r))}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="xs" c="dimmed">
          {t('risk.nothing')}
        </Text>
      )}
    </Stack>
  );
}
