import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ModerationMember } from '../../api/moderation.ts';
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
  const inv = member.invitations;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={`Evidence about ${member.name}`}>
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
            {member.status === 'suspended' && <Badge color="red">Suspended</Badge>}
            {member.role === 'admin' && <Badge color="grape">Operator</Badge>}
            {member.restrictions.map((r) => (
              <Badge key={r.kind} variant="light" color="orange" c={CAUTION_TEXT} title={r.reason}>
                <RestrictionLabel restriction={r} />
              </Badge>
            ))}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Fact label="Signed up from">{member.signupSubnet ?? 'not recorded'}</Fact>
          <Fact label="Email domain">{member.emailDomain}</Fact>
          <Fact label="Account age">{member.accountAgeDays === 0 ? 'today' : `${member.accountAgeDays} days`}</Fact>
          <Fact label="Profile strength">{member.profileStrength} / 100</Fact>
          <Fact label="Invitations (90 days)">{inv.sent} sent</Fact>
          <Fact label="Accepted / ignored">
            {inv.accepted} / {inv.ignored}
          </Fact>
          <Fact label="“I don't know”">{inv.dontKnow}</Fact>
          <Fact label="Sign-up risk">{member.signupRisk} / 100</Fact>
        </SimpleGrid>
        {member.riskReasons.length > 0 && (
          <List size="sm" spacing={2} aria-label="Sign-up risk reasons">
            {member.riskReasons.map((r) => (
              <List.Item key={r.text}>{r.text}</List.Item>
            ))}
          </List>
        )}
        {member.openReports.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              Open reports ({member.openReports.length})
            </Text>
            {member.openReports.map((r) => (
              <Text size="sm" key={r.id}>
                <Badge size="xs" variant="outline" mr={6}>
                  {r.reason}
                </Badge>
                {r.details ? <bdi>{r.details}</bdi> : <Text span c="dimmed">no details</Text>}
              </Text>
            ))}
          </Stack>
        )}
        {showRelated && member.relatedAccounts.length > 0 && (
          <Text size="sm">
            <Text span c="dimmed" size="xs">
              Same sign-up cluster:{' '}
            </Text>
            {member.relatedAccounts.map((a, i) => (
              <span key={a.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/in/${a.handle}`} size="sm">
                  <bdi>{a.name}</bdi>
                </Anchor>
                {a.status === 'suspended' && ' (suspended)'}
              </span>
            ))}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
