import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationEvidence } from '../../api/screening.ts';
import { riskBand } from './RiskScore.tsx';

/** The facts of a received invitation that most often decide it, in a few words each. Pure, for the summary line. */
export function summaryFacts(t: TFunction<'network'>, e: InvitationEvidence): string[] {
  return [
    e.degree ? t('summary.degree', { degree: e.degree }) : t('summary.outside'),
    t('summary.mutuals', { count: e.mutuals.count }),
    t(`summary.note.${e.note.kind}`),
  ];
}

/**
 * One line that says what a received invitation is, before its full evidence is opened: degree, mutual
 * connections, the kind of note and the risk band (written out, never colour alone). `children` follow
 * on the same line (the button that opens the evidence).
 */
export function InvitationSummary({ evidence, children }: { evidence: InvitationEvidence; children?: ReactNode }) {
  const { t } = useTranslation('network');
  const band = riskBand(evidence.risk.score);
  return (
    <Group gap={8} wrap="wrap" align="center">
      <Text size="sm">{summaryFacts(t, evidence).join(' · ')}</Text>
      <Badge color={band.color} c={band.text} radius="sm" size="sm">
        {t(`risk.${band.level}`)}
      </Badge>
      {children}
    </Group>
  );
}
