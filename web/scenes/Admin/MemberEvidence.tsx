import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReasonCode } from '../../../common/reasons.ts';
import type { ModerationMember } from '../../api/moderation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useReasonText } from '../../i18n/reasons.ts';
import { RestrictionLabel } from './RestrictionLabel.tsx';

/**
 * Text for orange "light" badges and buttons. Mantine prints them in orange shade 8 on an orange tint,
 * 3.2:1, below WCAG AA's 4.5:1 (web/theme.ts darkens only red, teal and grey); this darker orange is 5.2:1.
 */
export const CAUTION_TEXT = '#b23c03';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** One member's evidence as an operator judges it: where and how they signed up, their profile, their invitations and reports. */
export function MemberEvidence({ member, showRelated = true }: { member: ModerationMember; showRelated?: boolean }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const reasonText = useReasonText();
  const inv = member.invitations;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={t('evidence.label', { name: member.name })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Anchor component={Link} to={`/in/${member.handle}`} fw={600} size="sm" dir="auto">
              {member.name}
            </Anchor>
            {member.headline && (
              <Text size="xs" c="dimmed" dir="auto">
                {member.headline}
              </Text>
            )}
          </Stack>
          <Group gap={4}>
            {member.status === 'suspended' && <Badge color="red">{t('evidence.suspended')}</Badge>}
            {member.role === 'admin' && <Badge color="grape">{t('evidence.operator')}</Badge>}
            {member.restrictions.map((r) => (
              <Badge key={r.kind} variant="light" color="orange" c={CAUTION_TEXT} title={r.reason}>
                <RestrictionLabel restriction={r} />
              </Badge>
            ))}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Fact label={t('evidence.signedUpFrom')}>{member.signupSubnet ?? t('evidence.notRecorded')}</Fact>
          <Fact label={t('evidence.emailDomain')}>{member.emailDomain}</Fact>
          <Fact label={t('evidence.accountAge')}>
            {member.accountAgeDays === 0 ? t('evidence.today') : t('evidence.days', { days: member.accountAgeDays })}
          </Fact>
          <Fact label={t('evidence.profileStrength')}>{t('evidence.outOf100', { value: member.profileStrength })}</Fact>
          <Fact label={t('evidence.invitations90')}>{t('evidence.sent', { count: inv.sent })}</Fact>
          <Fact label={t('evidence.acceptedIgnored')}>
            {t('evidence.acceptedIgnoredValue', { accepted: inv.accepted, ignored: inv.ignored })}
          </Fact>
          <Fact label={t('evidence.dontKnow')}>{format.number(inv.dontKnow)}</Fact>
          <Fact label={t('evidence.signupRisk')}>{t('evidence.outOf100', { value: member.signupRisk })}</Fact>
        </SimpleGrid>
        {member.riskReasons.length > 0 && (
          <List size="sm" spacing={2} aria-label={t('evidence.riskReasons')}>
            {member.riskReasons.map((r) => (
              <List.Item key={r.text}>{reasonText({ ...r, code: r.code as ReasonCode })}</List.Item>
            ))}
          </List>
        )}
        {member.openReports.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('evidence.openReports', { count: member.openReports.length })}
            </Text>
            {member.openReports.map((r) => (
              <Text size="sm" key={r.id}>
                <Badge size="xs" variant="outline" mr={6}>
                  {t(`reportReasons.${r.reason}`)}
                </Badge>
                {r.details ? <bdi>{r.details}</bdi> : <Text span c="dimmed">{t('evidence.noDetails')}</Text>}
              </Text>
            ))}
          </Stack>
        )}
        {showRelated && member.relatedAccounts.length > 0 && (
          <Text size="sm">
            <Text span c="dimmed" size="xs">
              {t('evidence.sameCluster')}{' '}
            </Text>
            {member.relatedAccounts.map((a, i) => (
              <span key={a.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/in/${a.handle}`} size="sm">
                  <bdi>{a.name}</bdi>
                </Anchor>
                {a.status === 'suspended' && t('evidence.suspendedSuffix')}
              </span>
            ))}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
