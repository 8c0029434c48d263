import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { InvitationEvidence } from '../../api/screening.ts';
import { riskBand } from './RiskScore.tsx';

const DEGREES: Record<number, string> = { 1: '1st degree', 2: '2nd degree', 3: '3rd degree' };

const NOTES: Record<InvitationEvidence['note']['kind'], string> = {
  personal: 'Personal note',
  template: 'Template note',
  stock: 'Stock note',
  short: 'Note too short',
  none: 'No note',
};

/** The facts of a received invitation that most often decide it, in a few words each. Pure, for the summary line. */
export function summaryFacts(e: InvitationEvidence): string[] {
  const mutuals = e.mutuals.count;
  return [
    e.degree ? (DEGREES[e.degree] ?? `${e.degree}th degree`) : 'Outside your network',
    mutuals === 0 ? 'No mutual connections' : `${mutuals} mutual connection${mutuals === 1 ? '' : 's'}`,
    NOTES[e.note.kind],
  ];
}

/**
 * One line that says what a received invitation is, before its full evidence is opened: degree, mutual
 * connections, the kind of note and the risk band (written out, never colour alone). `children` follow
 * on the same line (the button that opens the evidence).
 */
export function InvitationSummary({ evidence, children }: { evidence: InvitationEvidence; children?: ReactNode }) {
  const band = riskBand(evidence.risk.score);
  return (
    <Group gap={8} wrap="wrap" align="center">
      <Text size="sm">{summaryFacts(evidence).join(' · ')}</Text>
      <Badge color={band.color} c={band.text} radius="sm" size="sm">
        {band.label}
      </Badge>
      {children}
    </Group>
  );
}
