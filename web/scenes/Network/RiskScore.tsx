import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { InvitationEvidence } from '../../api/screening.ts';

/** The bands the score falls into. The band is written out, so it never rests on colour alone; each pairing passes 4.5:1. */
const BANDS = [
  { upTo: 24, label: 'Low risk', color: 'teal.9', text: 'white' },
  { upTo: 49, label: 'Medium risk', color: 'yellow.4', text: 'black' },
  { upTo: 100, label: 'High risk', color: 'red.9', text: 'white' },
] as const;

export function riskBand(score: number) {
  return BANDS.find((b) => score <= b.upTo) ?? BANDS[BANDS.length - 1]!;
}

/** The invitation's risk score (0–100), its band, and every reason behind it (each reason's `text`; its `code` identifies it). */
export function RiskScore({ risk, id }: { risk: InvitationEvidence['risk']; id: string }) {
  const band = riskBand(risk.score);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={band.color} c={band.text} radius="sm">
          {band.label}
        </Badge>
        <Text size="sm" fw={600} id={id}>
          Risk score {risk.score} of 100
        </Text>
      </Group>
      {risk.reasons.length > 0 ? (
        <List size="xs" spacing={2} aria-labelledby={id}>
          {risk.reasons.map((r) => (
            <List.Item key={r.code}>{r.text}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="xs" c="dimmed">
          Nothing about this invitation raised the score.
        </Text>
      )}
    </Stack>
  );
}
